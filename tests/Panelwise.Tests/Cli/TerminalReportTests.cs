using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>The console text of each command, drawn by Panelwise.Render's builders and console writers, compared byte
/// for byte with the output of the CLI before its text tables moved into Render (tests/reference/terminal/README.md).</summary>
public class TerminalReportTests
{
    private static string Example(params string[] parts) => RepositoryPath.Of(["examples", .. parts]);

    private static readonly string Grunfeld = Example("grunfeld", "grunfeld.csv");
    private static readonly string Innovation = Example("innovation-chain", "innovation_chain.csv");

    public static TheoryData<string, string[]> Commands() => new()
    {
        { "fit-cluster", ["fit", Grunfeld, "inv ~ value + capital | firm + year", "--vcov", "cluster:firm"] },
        { "fit-re", ["fit", Grunfeld, "inv ~ value + capital", "--panel", "firm,year", "--model", "re"] },
        { "fit-iv", ["fit", Innovation, "erl ~ lngdp + imp | industry_id + year | fsie ~ inst + tra", "--vcov", "cluster:industry_id"] },
        { "fit-wildboot", ["fit", Grunfeld, "inv ~ value + capital | firm", "--vcov", "cluster:firm", "--wildboot", "199", "--seed", "1"] },
        { "mediate", ["mediate", Innovation, "--y", "erl", "--x", "fsie", "--m", "itse", "--controls", "lngdp + imp", "--fe", "industry_id + year"] },
        { "compare", ["compare", Innovation, "erl ~ fsie + lngdp | year", "--by", "hightech", "--test", "suest"] },
        { "match-nearest", ["match", Innovation, "--treat", "hightech", "--covariates", "lngdp + imp + expt", "--outcome", "erl"] },
        { "describe", ["describe", Innovation, "erl", "fsie", "itse", "lngdp", "--corr", "--vif"] },
        { "hausman", ["hausman", Grunfeld, "inv ~ value + capital", "--panel", "firm,year"] },
        { "index", ["index", Innovation, "--spec", Example("innovation-chain", "ai_index.yaml")] },
        { "group", ["group", Example("indices", "produc.csv"), "--indicators", "pcap, hwy, water, util, emp, unemp", "--id", "state", "--k", "3"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Console_text_is_unchanged(string golden, string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.True(exit == 0, stderr);
        Assert.Equal(File.ReadAllText(ReferencePath.Of("terminal", golden + ".txt")), stdout);
    }
}
