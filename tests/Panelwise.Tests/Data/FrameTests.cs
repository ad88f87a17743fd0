using Panelwise.Data;
using Xunit;

namespace Panelwise.Tests.Data;

public class FrameTests
{
    [Fact]
    public void MissingColumnSuggestsCloseName()
    {
        var frame = new Frame([new NumericColumn("gdp", [1, 2])], "prov.csv");
        var ex = Assert.Throws<DataException>(() => frame["gpd"]);
        Assert.Equal("Column 'gpd' is not in prov.csv. Did you mean 'gdp'?", ex.Message);
    }

    [Fact]
    public void FilterKeepsSelectedRows()
    {
        var frame = new Frame([new NumericColumn("x", [1, 2, 3]), CategoricalColumn.FromStrings("r", ["a", "b", "a"])]);
        var kept = frame.Filter([true, false, true]);
        Assert.Equal([1.0, 3.0], kept.Numeric("x").Values);
        Assert.Equal("a", ((CategoricalColumn)kept["r"]).ValueAt(1));
    }
}
