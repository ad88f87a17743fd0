using Panelwise.Cli;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Formula;
using Xunit;

namespace Panelwise.Tests.Design;

public class DesignBuilderTests
{
    private static readonly double NA = double.NaN;

    // Two firms over 2001-2004; firm b skips 2003. Row order is deliberately not sorted.
    private static Frame Data() => new(
    [
        CategoricalColumn.FromStrings("firm", ["a", "a", "a", "a", "b", "b", "b"]),
        new NumericColumn("year", [2001, 2002, 2003, 2004, 2002, 2001, 2004]),
        new NumericColumn("y", [1, 2, 3, 4, 5, 6, NA]),
        new NumericColumn("x", [1, 2, 0, 4, 5, 6, 7]),
        new NumericColumn("w", [1, 1, 2, 2, 1, 1, 1]),
        CategoricalColumn.FromStrings("region", ["n", "s", "n", "e", "s", "n", "e"]),
    ], "firms.csv");

    private static ModelData Build(string formula, string? filter = null, bool panel = false, string? weights = null,
        params string[] clusters)
    {
        var frame = Data();
        return DesignBuilder.Build(new DesignRequest
        {
            Frame = frame,
            Spec = FormulaParser.Parse(formula).Expand()[0],
            Panel = panel ? PanelIndex.Build(frame, "firm", "year") : null,
            If = filter,
            Weights = weights,
            ClusterVariables = clusters,
        });
    }

    [Fact]
    public void PlainVariablesAreCopiedOnTheSample()
    {
        var data = Build("y ~ x");
        Assert.Equal(6, data.RowCount);
        Assert.Equal([0, 1, 2, 3, 4, 5], data.SourceRows);
        Assert.Equal("y", data.ResponseName);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], data.Response);
        Assert.Equal(["x"], data.RegressorNames);
        Assert.Equal([1.0, 2, 0, 4, 5, 6], data.Regressors[0]);
        Assert.True(data.Intercept);
        Assert.Equal(["1 observation dropped: missing values in y (1)"], data.Notes.Select(n => n.Text));
    }

    [Fact]
    public void FactorDummiesAreNamedLikeFixest()
    {
        var data = Build("y ~ i(region) + i(year, ref = 2002) + i(region, x)");
        Assert.Equal(["region::n", "region::s", "year::2001", "year::2003", "year::2004",
                      "region::e:x", "region::n:x", "region::s:x"], data.RegressorNames);
        // Sample rows 0..5; region n,s,n,e,s,n.
        Assert.Equal([1.0, 0, 1, 0, 0, 1], data.Regressors[0]);
        Assert.Equal([1.0, 0, 0, 0, 0, 1], data.Regressors[2]);
        Assert.Equal([0.0, 0, 0, 4, 0, 0], data.Regressors[5]);
        Assert.Equal([1.0, 0, 0, 0, 0, 6], data.Regressors[6]);
    }

    [Fact]
    public void UnknownReferenceLevelIsAnError()
    {
        var ex = Assert.Throws<DataException>(() => Build("y ~ i(region, ref = \"z\")"));
        Assert.Equal("i(region, ref = z): 'z' is not a level of 'region' in firms.csv. Levels: e, n, s.", ex.Message);
    }

    [Fact]
    public void LagsFollowTimeAndDropNotesAttributeEachRowOnce()
    {
        var data = Build("y ~ l(x, 1) + log(x)", panel: true);
        // Row 2 (a, 2003) has x = 0: log missing. Row 6 has y missing. First periods (rows 0, 5)
        // and b 2004 (row 6, after a gap) have no lag.
        Assert.Equal([1, 3, 4], data.SourceRows);
        Assert.Equal([1.0, 0, 6], data.Regressors[0]);
        Assert.Equal(["l(x, 1)", "log(x)"], data.RegressorNames);
        Assert.Equal(["4 observations dropped: missing values in y (1), l(x, 1) (2), log(x) (1)",
                      "log(x) is missing for 1 row where x <= 0"], data.Notes.Select(n => n.Text));
    }

    [Fact]
    public void LagsWithoutAPanelAskForIt() =>
        Assert.Equal("l(x, 1) needs the panel: pass --panel id,time",
            CliFlags.Message(Assert.Throws<DataException>(() => Build("y ~ l(x)"))));

    [Fact]
    public void FilterAndFixedEffectsAndClusters()
    {
        var data = Build("y ~ x | firm + firm^year", filter: "year >= 2002", clusters: ["region", "firm^region"]);
        Assert.Equal([1, 2, 3, 4], data.SourceRows);
        Assert.False(data.Intercept);
        Assert.Equal(["firm", "firm^year"], data.FixedEffects.Select(f => f.Name));
        Assert.Equal([0, 0, 0, 1], data.FixedEffects[0].Codes);
        Assert.Equal(2, data.FixedEffects[0].Levels);
        Assert.Equal(4, data.FixedEffects[1].Levels);
        Assert.Equal([0, 1, 2, 0], data.Clusters[0].Codes);
        Assert.Equal(4, data.Clusters[1].Levels);
        Assert.Equal(["if: 5 of 7 rows kept", "1 observation dropped: missing values in y (1)"], data.Notes.Select(n => n.Text));
    }

    [Fact]
    public void InteractionsAndExpressions()
    {
        var data = Build("y ~ x:w + I(x^2 / w)", filter: "region == 'n'");
        Assert.Equal([0, 2, 5], data.SourceRows);
        Assert.Equal(["x:w", "I(x^2/w)"], data.RegressorNames);
        Assert.Equal([1.0, 0, 6], data.Regressors[0]);
        Assert.Equal([1.0, 0, 36], data.Regressors[1]);
    }

    [Fact]
    public void WeightsMustBePositive()
    {
        Assert.Equal([1.0, 1, 2, 2, 1, 1], Build("y ~ x", weights: "w").Weights!);
        var frame = Data().With(new NumericColumn("w", [1, 1, 0, 1, 1, 1, 1]));
        var ex = Assert.Throws<DataException>(() => DesignBuilder.Build(new DesignRequest
        {
            Frame = frame, Spec = FormulaParser.Parse("y ~ x").Expand()[0], Weights = "w",
        }));
        Assert.Equal("Weight 'w' is 0 in row 3 of firms.csv: weights must be positive. Drop such rows with --if \"w > 0\".", CliFlags.Message(ex));
    }

    [Fact]
    public void UnknownColumnUsesTheFramesMessage() =>
        Assert.Equal("Column 'xx' is not in firms.csv. Did you mean 'y' or 'x' or 'w'?",
            Assert.Throws<DataException>(() => Build("y ~ xx")).Message);

    [Fact]
    public void EmptySampleIsAnError() =>
        Assert.Equal("No observations left in firms.csv: the --if filter keeps no rows",
            CliFlags.Message(Assert.Throws<DataException>(() => Build("y ~ x", filter: "x > 100"))));

    [Fact]
    public void TextRegressorIsExplained()
    {
        var ex = Assert.Throws<DataException>(() => Build("y ~ region"));
        Assert.StartsWith("Cannot compute region from firms.csv: column 'region' holds text: use i(region)", ex.Message);
    }

    [Fact]
    public void InstrumentsAreBuiltOnTheSameSample()
    {
        var data = Build("y ~ w | x ~ I(year - 2000)");
        Assert.Equal(["x"], data.EndogenousNames);
        Assert.Equal(["I(year - 2000)"], data.InstrumentNames);
        Assert.Equal([1.0, 2, 3, 4, 2, 1], data.Instruments[0]);
    }
}
