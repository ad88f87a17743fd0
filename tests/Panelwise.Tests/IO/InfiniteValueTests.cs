using System.Buffers.Binary;
using MiniExcelLibs;
using Panelwise.Data;
using Panelwise.IO;
using Panelwise.IO.Sql;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace Panelwise.Tests.IO;

/// <summary>Infinite values are an error naming file, row and column in every reader and spelling (issue 15); NaN, NA and
/// empty cells stay missing as the README documents.</summary>
public sealed class InfiniteValueTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Expected(string path, int row, string column, string value) =>
        $"Column '{column}' in {path}, row {row}, holds '{value}', an infinite value: estimates cannot use it. " +
        "Replace it with a finite number, or leave the cell empty (or NA) to treat it as missing.";

    [Theory]
    [InlineData("inf")]
    [InlineData("-inf")]
    [InlineData("+Inf")]
    [InlineData("Inf")]
    [InlineData("INF")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e309")]
    [InlineData("-1e400")]
    [InlineData("∞")]
    [InlineData("-∞")]
    [InlineData("\"1e309\"")]
    public void CsvSpellingsAreRefused(string value)
    {
        string shown = value.Trim('"');
        // Second row (the general path once the fast path meets it) and first row (the column's type not yet known).
        var path = _files.Write("a.csv", $"id,x\n1,2.5\n2,{value}\n3,4\n");
        var ex = Assert.Throws<DataException>(() => DataReader.Read(path));
        Assert.Equal(Expected(path, 2, "x", shown), ex.Message);
        Assert.Equal((2L, "x"), (ex.Row, ex.Column));
        path = _files.Write("b.csv", $"id;x\n1;{value}\n2;4\n");
        Assert.Equal(Expected(path, 1, "x", shown), Assert.Throws<DataException>(() => DataReader.Read(path)).Message);
    }

    [Fact]
    public void CsvFastPathOnLongFileReportsTheRow()
    {
        var text = new System.Text.StringBuilder("a,b\n");
        for (int i = 0; i < 20_000; i++) text.Append(i).Append(',').Append(i * 0.5).Append('\n');
        text.Append("1,1e308\n2,1e309\n");
        var path = _files.Write("long.csv", text.ToString());
        Assert.Equal(Expected(path, 20_002, "b", "1e309"), Assert.Throws<DataException>(() => DataReader.Read(path)).Message);
    }

    [Fact]
    public void NanAndNaStayMissingAndLargeFiniteIsKept()
    {
        var f = DataReader.Read(_files.Write("ok.csv", "x\nNaN\nNA\n\n1e308\n-1.7976931348623157e308\n"));
        Assert.Equal([double.NaN, double.NaN, double.NaN, 1e308, -double.MaxValue], f.Numeric("x").Values);
        // An explicit --na token wins over the infinity rule.
        var g = DataReader.Read(_files.Write("na.csv", "x\n1\ninf\n"), new ReadOptions { NaStrings = ["inf"] });
        Assert.Equal([1, double.NaN], g.Numeric("x").Values);
    }

    [Fact]
    public void Xlsx()
    {
        string path = _files.PathOf("book.xlsx");
        MiniExcel.SaveAs(path, new[] { new { A = "x" }, new { A = "1.5" }, new { A = "-Infinity" } }.Select(r => new Dictionary<string, object> { ["A"] = r.A }), printHeader: false);
        Assert.Equal(Expected(path, 2, "x", "-Infinity"), Assert.Throws<DataException>(() => DataReader.Read(path)).Message);
    }

    [Fact]
    public void StataDouble()
    {
        var bytes = Dta114Writer.Write(littleEndian: true);
        var needle = BitConverter.GetBytes(-2.25);
        int at = bytes.AsSpan().IndexOf(needle);
        Assert.True(at > 0);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(at), double.NegativeInfinity);
        var path = _files.WriteBytes("t.dta", bytes);
        Assert.Equal(Expected(path, 1, "d", "-Infinity"), Assert.Throws<DataException>(() => DataReader.Read(path)).Message);
    }

    [Fact]
    public async Task Parquet()
    {
        var x = new DataField<double?>("x");
        string path = _files.PathOf("t.parquet");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(x), stream))
        using (var rg = writer.CreateRowGroup())
            await rg.WriteAsync<double>(x, new double?[] { 1.5, null, double.PositiveInfinity });
        Assert.Equal(Expected(path, 3, "x", "Infinity"), Assert.Throws<DataException>(() => DataReader.Read(path)).Message);
    }

    [Fact]
    public void Sql()
    {
        using var sql = new SqlSession();
        var ex = Assert.Throws<DataException>(() => sql.Query("SELECT 1.0 AS a, 'inf'::DOUBLE AS b"));
        Assert.Equal((1L, "b"), (ex.Row, ex.Column));
    }
}
