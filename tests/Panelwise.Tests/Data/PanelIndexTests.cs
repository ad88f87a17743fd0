using Panelwise.Cli;
using Panelwise.Data;
using Xunit;

namespace Panelwise.Tests.Data;

public class PanelIndexTests
{
    private static Frame Panel(string[] ids, double[] years, string? source = null) =>
        new([CategoricalColumn.FromStrings("firm", ids), new NumericColumn("year", years)], source);

    [Fact]
    public void LagSkipsGapsLikeStata()
    {
        // Firm a has 2001, 2002, 2004 (no 2003); rows are shuffled.
        var frame = Panel(["a", "b", "a", "a", "b"], [2004, 2002, 2001, 2002, 2001]);
        var index = PanelIndex.Build(frame, "firm", "year");
        Assert.Equal([-1, 4, -1, 2, -1], index.LagRow(1));
        Assert.Equal([3, -1, -1, -1, -1], index.LagRow(2));
        Assert.Equal([-1, -1, 3, -1, 1], index.LagRow(-1));
        Assert.Equal([0, 1, 2, 3, 4], index.LagRow(0));
        Assert.Equal(2, index.UnitCount);
    }

    [Fact]
    public void MissingUnitOrTimeHasNoLags()
    {
        var frame = new Frame([new NumericColumn("id", [1, 1, double.NaN, 1]), new NumericColumn("t", [1, 2, 3, double.NaN])]);
        var index = PanelIndex.Build(frame, "id", "t");
        Assert.Equal([-1, 0, -1, -1], index.LagRow(1));
        Assert.Equal([1, -1, -1, -1], index.LagRow(-1));
    }

    [Fact]
    public void WideTimeSpanUsesTheComparisonSort()
    {
        var frame = new Frame([new NumericColumn("id", [1, 1, 2, 1]), new NumericColumn("t", [900000000, -900000000, 5, 899999999])]);
        var index = PanelIndex.Build(frame, "id", "t");
        Assert.Equal([3, -1, -1, -1], index.LagRow(1));
    }

    [Fact]
    public void DuplicateKeyNamesBothRows()
    {
        var frame = Panel(["a", "b", "a", "b", "b"], [2001, 2001, 2002, 2002, 2001], "firms.csv");
        var ex = Assert.Throws<DataException>(() => PanelIndex.Build(frame, "firm", "year"));
        Assert.Equal("Duplicate panel key in firms.csv: (firm, year) = (b, 2001) appears in rows 2 and 5. " +
                     "Each unit may appear once per period: remove duplicates or declare a different --panel.", CliFlags.Message(ex));
    }

    [Fact]
    public void FractionalTimeIsAnError()
    {
        var ex = Assert.Throws<DataException>(() => PanelIndex.Build(Panel(["a", "a"], [2001, 2001.5]), "firm", "year"));
        Assert.Equal("Panel time column 'year' in the data has 2001.5 in row 2: time must be a whole number (years, or period numbers).", ex.Message);
        Assert.Equal(2, ex.Row);
    }

    [Fact]
    public void TextTimeIsAnError()
    {
        var frame = new Frame([new NumericColumn("id", [1]), CategoricalColumn.FromStrings("q", ["2001Q1"])]);
        var ex = Assert.Throws<DataException>(() => PanelIndex.Build(frame, "id", "q"));
        Assert.Contains("holds text", ex.Message);
    }

    [Fact]
    public void LargePanelIsIndexedQuickly()
    {
        const int units = 200_000, years = 10;
        var ids = new double[units * years];
        var t = new double[units * years];
        var rng = new Random(1);
        var order = Enumerable.Range(0, ids.Length).OrderBy(_ => rng.Next()).ToArray();
        for (int i = 0; i < ids.Length; i++) { ids[order[i]] = i / years; t[order[i]] = 2000 + i % years; }
        var index = PanelIndex.Build(new Frame([new NumericColumn("id", ids), new NumericColumn("t", t)]), "id", "t");
        var lag = index.LagRow(1);
        for (int i = 0; i < lag.Length; i++)
        {
            if (t[i] == 2000) Assert.Equal(-1, lag[i]);
            else { Assert.Equal(ids[i], ids[lag[i]]); Assert.Equal(t[i] - 1, t[lag[i]]); }
        }
    }
}
