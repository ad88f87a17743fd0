using Panelwise.Data;
using Panelwise.IO;
using Xunit;

namespace Panelwise.Tests.IO;

public sealed class DtaReaderTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "reference", "io", name);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AllNumericTypesAndMissingCodesInBothByteOrders(bool littleEndian)
    {
        var f = DataReader.Read(_files.WriteBytes("t.dta", Dta114Writer.Write(littleEndian)));
        Assert.Equal(3, f.RowCount);
        Assert.Equal([1.0, double.NaN, double.NaN], f.Numeric("b").Values);
        Assert.Equal([-300.0, double.NaN, double.NaN], f.Numeric("i").Values);
        Assert.Equal([70000.0, double.NaN, double.NaN], f.Numeric("l").Values);
        Assert.Equal([1.5, double.NaN, double.NaN], f.Numeric("f").Values);
        Assert.Equal([-2.25, double.NaN, double.NaN], f.Numeric("d").Values);
        Assert.Equal("a double", f["d"].Label);
        Assert.Equal("yes", f.Numeric("b").ValueLabels![1]);
        var s = (CategoricalColumn)f["s"];
        Assert.Equal(["ab", null, "xyz"], Enumerable.Range(0, 3).Select(s.ValueAt));
    }

    [Fact]
    public void Format114FromR()
    {
        var f = DataReader.Read(Fixture("labels114.dta"));
        Assert.Equal([1.0, 2, 3], f.Numeric("id").Values);
        Assert.Equal([1.5, double.NaN, -2.25], f.Numeric("gdp").Values);
        Assert.Equal("GDP, bn", f["gdp"].Label);
        Assert.Equal(["east", "west", "north"], ((CategoricalColumn)f["region"]).Levels);
        Assert.Equal("high", f.Numeric("grp").ValueLabels![2]);
    }

    [Theory]
    [InlineData("labels117.dta")]
    [InlineData("labels118.dta")]
    [InlineData("labels119.dta")]
    public void TaggedFormatsFromHaven(string file)
    {
        var f = DataReader.Read(Fixture(file));
        Assert.Equal([1.5, double.NaN, -2.25], f.Numeric("gdp").Values);
        Assert.Equal("GDP, bn", f["gdp"].Label);
        Assert.Equal([double.NaN, 4, double.NaN], f.Numeric("miss").Values);
        Assert.Equal("high", f.Numeric("grp").ValueLabels![2]);
        var note = (CategoricalColumn)f["note"];
        Assert.Equal(new string('x', 3000), note.ValueAt(0));
        Assert.Equal("short", note.ValueAt(1));
        if (file != "labels117.dta")
        {
            Assert.Equal(["北京", "上海"], ((CategoricalColumn)f["prov"]).Levels);
            Assert.Equal("省份", f["prov"].Label);
        }
    }

    [Fact]
    public void ProjectionAndMissingColumn()
    {
        var f = DataReader.Read(Fixture("labels118.dta"), new ReadOptions { Columns = new HashSet<string> { "id" } });
        Assert.Equal(["id"], f.Columns.Select(c => c.Name));
        var ex = Assert.Throws<DataException>(() =>
            DataReader.Read(Fixture("labels118.dta"), new ReadOptions { Columns = new HashSet<string> { "gpd" } }));
        Assert.StartsWith("Column 'gpd' is not in ", ex.Message);
    }

    [Fact]
    public void TruncatedFile()
    {
        var bytes = File.ReadAllBytes(Fixture("labels118.dta"))[..300];
        var path = _files.WriteBytes("cut.dta", bytes);
        var ex = Assert.Throws<DataException>(() => DataReader.Read(path));
        Assert.Equal($"Cannot read {path}: not a valid Stata file: it ends early (truncated download?).", ex.Message);
    }
}
