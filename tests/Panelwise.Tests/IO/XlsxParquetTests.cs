using Panelwise.Cli;
using MiniExcelLibs;
using Panelwise.Data;
using Panelwise.IO;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace Panelwise.Tests.IO;

public sealed class XlsxParquetTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Workbook(params (string Sheet, object[][] Rows)[] sheets)
    {
        string path = _files.PathOf("book.xlsx");
        var content = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
            content[sheet] = rows.Select(r => r.Select((v, i) => (Key: ((char)('A' + i)).ToString(), v))
                .ToDictionary(p => p.Key, p => p.v)).ToList();
        MiniExcel.SaveAs(path, content, printHeader: false);
        return path;
    }

    [Fact]
    public void XlsxInfersTypesAndPicksSheet()
    {
        var path = Workbook(("first", [["id", "region", "gdp"], [1, "东部", 1.5], [2, "西部", "NA"], [3, "东部", " 2,000 "]]),
            ("other", [["z"], [9]]));
        var f = DataReader.Read(path);
        Assert.Equal([1.0, 2, 3], f.Numeric("id").Values);
        Assert.Equal(["东部", "西部"], ((CategoricalColumn)f["region"]).Levels);
        Assert.Equal([1.5, double.NaN, 2000], f.Numeric("gdp").Values);
        Assert.Equal([9.0], DataReader.Read(path, new ReadOptions { Sheet = "other" }).Numeric("z").Values);
        Assert.Equal(["gdp"], DataReader.Read(path, new ReadOptions { Columns = new HashSet<string> { "gdp" } })
            .Columns.Select(c => c.Name));
    }

    [Fact]
    public void XlsxErrors()
    {
        var path = Workbook(("first", [["gdp"], [1.5], ["n/a"]]));
        var ex = Assert.Throws<DataException>(() => DataReader.Read(path));
        Assert.Equal($"Column 'gdp' in {path}, row 2, holds 'n/a', not a number: clean it or pass --na n/a.", CliFlags.Message(ex));
        ex = Assert.Throws<DataException>(() => DataReader.Read(path, new ReadOptions { Sheet = "Sheet9" }));
        Assert.Equal($"Sheet 'Sheet9' is not in {path}. Available sheets: first.", ex.Message);
    }

    [Fact]
    public async Task ParquetTypesAndNulls()
    {
        var x = new DataField<double?>("x");
        var n = new DataField<int>("n");
        var big = new DataField<long?>("big");
        var f32 = new DataField<float>("f32");
        var flag = new DataField<bool?>("flag");
        var name = new DataField<string>("name");
        string path = _files.PathOf("t.parquet");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(x, n, big, f32, flag, name), stream))
        using (var rg = writer.CreateRowGroup())
        {
            await rg.WriteAsync<double>(x, new double?[] { 1.5, null, -2 });
            await rg.WriteAsync<int>(n, new[] { 1, 2, 3 });
            await rg.WriteAsync<long>(big, new long?[] { 10_000_000_000, 2, null });
            await rg.WriteAsync<float>(f32, new[] { 0.5f, 1, 2 });
            await rg.WriteAsync<bool>(flag, new bool?[] { true, false, null });
            await rg.WriteAsync(name, new[] { "北京", null!, "北京" });
        }
        var frame = DataReader.Read(path);
        Assert.Equal([1.5, double.NaN, -2], frame.Numeric("x").Values);
        Assert.Equal([1.0, 2, 3], frame.Numeric("n").Values);
        Assert.Equal([1e10, 2, double.NaN], frame.Numeric("big").Values);
        Assert.Equal([0.5, 1, 2], frame.Numeric("f32").Values);
        Assert.Equal([1.0, 0, double.NaN], frame.Numeric("flag").Values);
        Assert.Equal([0, -1, 0], ((CategoricalColumn)frame["name"]).Codes);
        var only = DataReader.Read(path, new ReadOptions { Columns = new HashSet<string> { "n" } });
        Assert.Equal(["n"], only.Columns.Select(c => c.Name));
    }
}
