using Panelwise.Data;
using Panelwise.Data.Transforms;
using Xunit;

namespace Panelwise.Tests.Data.Transforms;

/// <summary>The library's left join and transforms, without a study: joins that would change the rows are typed
/// DataExceptions naming the column, the first offending key and its row; bad arguments are user errors.</summary>
public class FrameJoinTests
{
    private static Frame Left() => new([CategoricalColumn.FromStrings("province", ["A", "A", "B", "B"]),
        new NumericColumn("year", [2015, 2016, 2015, 2016]), new NumericColumn("gdp", [1, 2, 3, 4])], "panel.csv");

    [Fact]
    public void JoinAddsTheRightColumnsAndMatchesNumbersByText()
    {
        var right = new Frame([CategoricalColumn.FromStrings("province", ["B", "A", "A", "B"]),
            CategoricalColumn.FromStrings("year", ["2015", "2016", "2015", "2016"]), new NumericColumn("cpi", [30, 20, 10, 40])]);
        var joined = FrameJoin.Left(Left(), right, ["province", "year"]);
        Assert.Equal(["province", "year", "gdp", "cpi"], joined.Columns.Select(c => c.Name));
        Assert.Equal([10, 20, 30, 40], joined.Numeric("cpi").Values);
    }

    [Fact]
    public void RepeatedRightKeyIsADataErrorWithTheKeyAndRow()
    {
        var right = new Frame([CategoricalColumn.FromStrings("province", ["A", "B", "B"]), new NumericColumn("area", [1, 2, 3])], "areas.csv");
        var ex = Assert.Throws<DataException>(() => FrameJoin.Left(Left(), right, ["province"]));
        Assert.Equal("areas.csv has 2 rows with key (province = B) (the first is row 2); a left join would duplicate rows of panel.csv. " +
                     "Make the keys unique (aggregate first) or join on more columns.", ex.Message);
        Assert.Equal(("areas.csv", "province"), (ex.File, ex.Column));
    }

    [Fact]
    public void UnmatchedLeftRowsAndEveryKeyProblemAreReported()
    {
        var right = new Frame([CategoricalColumn.FromStrings("province", ["A"]), new NumericColumn("area", [1])], "areas.csv");
        var ex = Assert.Throws<DataException>(() => FrameJoin.Left(Left(), right, ["province"]));
        Assert.StartsWith("2 of 4 rows of panel.csv find no match in areas.csv, the first (row 3) with key (province = B)", ex.Message);

        var clash = new Frame([CategoricalColumn.FromStrings("region", ["A"]), new NumericColumn("gdp", [1])]);
        Assert.Null(FrameJoin.TryLeft(Left(), clash, ["province"], out var problems));
        Assert.Equal([(JoinProblemKind.KeyNotInRight, "province"), (JoinProblemKind.ColumnInBoth, "gdp")], problems.Select(p => (p.Kind, p.Column)));
    }

    [Fact]
    public void TransformArgumentsOutOfRangeAreUserErrorsNamingTheColumn()
    {
        var ex = Assert.Throws<DataException>(() => VariableTransforms.Winsor(Left(), "gdp_w", "gdp", 0.5));
        Assert.Equal("gdp", ex.Column);
        Assert.Throws<DataException>(() => VariableTransforms.Group(Left(), "high", "gdp", 100, null));
        var units = Assert.Throws<UserInputException>(() => VariableTransforms.Convert(Left(), "gdp_y", "gdp", "万元", "人"));
        Assert.Equal("'万元' (yuan) and '人' (persons) are different kinds of quantity.", units.Message);
        var converted = VariableTransforms.Convert(Left(), "gdp_y", "gdp", "万元", "亿元");
        Assert.Equal((1, 1e4, 4, 0), (converted.Multiplier, converted.Divisor, converted.Converted, converted.Missing));
        Assert.Equal(4e-4, converted.Column.Values[3], 15);
    }
}
