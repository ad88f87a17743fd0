using Panelwise.Models;
using Panelwise.Cli;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.IO;
using Panelwise.Study;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>The library writes its messages in its own terms ({Weights} placeholders rendered as FitOptions.Weights);
/// the CLI renders them as its flags, so its error texts are exactly what they were when the library spelled the
/// flags itself; a study renders them as its YAML keys.</summary>
public class SettingMessageTests
{
    private static readonly string Grunfeld = ReferencePath.Of("oracle", "data", "grunfeld.csv");

    [Theory]
    [InlineData("--model fgls needs the panel structure: add --panel id,time.", "inv ~ value + capital", "--model", "fgls")]
    [InlineData("--model re does not take --weights yet: fit the weighted model with the default pooled OLS and fixed effects.",
        "inv ~ value + capital", "--panel", "firm,year", "--model", "re", "--weights", "capital")]
    [InlineData("Weights are not supported with instrumental variables yet: drop --weights.", "inv ~ value | firm | capital ~ year", "--weights", "value")]
    [InlineData("l(value, 1) needs the panel: pass --panel id,time", "inv ~ l(value)")]
    [InlineData("--panels bogus: use iid, hetero or correlated (Stata xtgls panels()).", "inv ~ value", "--panel", "firm,year", "--model", "fgls", "--panels", "bogus")]
    [InlineData("--drop-outliers is not available with --model fgls.", "inv ~ value", "--panel", "firm,year", "--model", "fgls", "--drop-outliers", "3")]
    public void CliErrorsNameTheFlagsVerbatim(string expected, string formula, params string[] options)
    {
        var (exit, _, err) = CliRunner.Run(["fit", Grunfeld, formula, .. options]);
        Assert.Equal(2, exit);
        Assert.Equal("panelwise: " + expected, err.TrimEnd('\n', '\r'));
    }

    [Fact]
    public void LibraryCallersSeeOptionNamesAndTheSettingItself()
    {
        var frame = DataReader.Read(Grunfeld);
        var ex = Assert.Throws<EstimationException>(() => Regression.Fit(frame, "inv ~ value | firm | capital ~ year", new FitOptions { Weights = "value" }));
        Assert.Equal("Weights are not supported with instrumental variables yet: drop FitOptions.Weights.", ex.Message);
        Assert.Equal([Setting.Weights], ex.Settings);
        Assert.Equal("Weights are not supported with instrumental variables yet: drop --weights.", CliFlags.Message(ex));
        Assert.Equal("Weights are not supported with instrumental variables yet: drop weights:.", StudySettings.Message(ex));
    }

    [Fact]
    public void PanelModelsNameTheModelAndPanelSettings()
    {
        var frame = DataReader.Read(Grunfeld);
        var ex = Assert.Throws<DataException>(() => Regression.Fit(frame, "inv ~ value", new FitOptions { Model = PanelModel.RandomEffects }));
        Assert.Equal("FitOptions.Model re needs the panel: pass FitOptions.Panel id,time", ex.Message);
        Assert.Equal([Setting.Model, Setting.Panel], ex.Settings);
        Assert.DoesNotContain("--", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BracesThatAreNotSettingsStayAsWritten()
    {
        var ex = new UserInputException("panel: {id: a, time: b} and {Nothing}; {If}");
        Assert.Equal("panel: {id: a, time: b} and {Nothing}; FitOptions.If", ex.Message);
        Assert.Equal([Setting.If], ex.Settings);
    }
}
