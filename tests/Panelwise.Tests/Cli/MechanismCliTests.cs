using System.Text.Json;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>The JSON contracts of mediate, compare and match, and their input errors.</summary>
public class MechanismCliTests
{
    private static readonly string Produc = ReferencePath.Of("oracle", "data", "produc.csv");

    [Fact]
    public void MediateWritesTheContractKeys()
    {
        var (exit, stdout, stderr) = CliRunner.Run("mediate", Produc, "--y", "log_gsp", "--x", "log_pcap", "--m", "log_emp",
            "--controls", "unemp", "--bootstrap", "20", "--seed", "1", "--json");
        Assert.True(exit == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        foreach (var key in new[] { "total", "a", "b", "direct", "indirect" })
            Assert.True(root.GetProperty(key).TryGetProperty("std_error", out _), key);
        foreach (var key in new[] { "sobel", "aroian", "goodman" }) Assert.True(root.GetProperty(key).TryGetProperty("z", out _), key);
        Assert.Equal(20, root.GetProperty("bootstrap").GetProperty("reps").GetInt32());
        Assert.Equal("percentile", root.GetProperty("bootstrap").GetProperty("method").GetString());
        Assert.True(root.GetProperty("share").GetDouble() > 0);
    }

    [Fact]
    public void MediatorEqualToTheTreatmentIsAnInputError()
    {
        var (exit, _, stderr) = CliRunner.Run("mediate", Produc, "--y", "log_gsp", "--x", "log_pcap", "--m", "log_pcap");
        Assert.Equal(2, exit);
        Assert.Contains("is the treatment itself", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareWritesGroupsAndTests()
    {
        var (exit, stdout, stderr) = CliRunner.Run("compare", Produc, "log_gsp ~ log_pcap + unemp", "--by", "year >= 1980",
            "--test", "suest,chow,permutation:20", "--vcov", "cluster:state", "--json");
        Assert.True(exit == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2, root.GetProperty("groups").GetArrayLength());
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(3, tests.Count(t => t.GetProperty("test").GetString() == "suest"));
        Assert.Single(tests, t => t.GetProperty("test").GetString() == "chow" && !t.TryGetProperty("coefficient", out _));
        Assert.Equal(3, tests.Count(t => t.GetProperty("test").GetString() == "permutation"));
    }
}
