using Panelwise.Cli;
using System.Text;
using Panelwise.Data;
using Panelwise.IO;
using Xunit;

namespace Panelwise.Tests.IO;

public sealed class CsvReaderTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private Frame Read(string text, ReadOptions? options = null, string name = "d.csv") =>
        DataReader.Read(_files.Write(name, text), options ?? new ReadOptions());

    [Fact]
    public void ReadsNumbersAndText()
    {
        var f = Read("id,year,region,y\n1,2001,east,-0.123456\n2,2002,west,1e3\n3,2003,east,NA\n");
        Assert.Equal(3, f.RowCount);
        Assert.Equal([1.0, 2, 3], f.Numeric("id").Values);
        Assert.Equal(-0.123456, f.Numeric("y").Values[0]);
        Assert.True(double.IsNaN(f.Numeric("y").Values[2]));
        var region = Assert.IsType<CategoricalColumn>(f["region"]);
        Assert.Equal(["east", "west"], region.Levels);
        Assert.Equal([0, 1, 0], region.Codes);
    }

    [Fact]
    public void ReadsThroughSymbolicLink()
    {
        // A link's own size is a few bytes; the reader must take the target's length.
        string target = _files.Write("data-with-a-long-name.csv", "id,y\n" + string.Concat(Enumerable.Range(1, 500).Select(i => $"{i},{i * 0.5}\n")));
        string link = _files.PathOf("l.csv");
        File.CreateSymbolicLink(link, target);
        var f = DataReader.Read(link, new ReadOptions());
        Assert.Equal(500, f.RowCount);
        Assert.Equal(250.0, f.Numeric("y").Values[^1]);
    }

    [Fact]
    public void NoTrailingNewlineAndCrlf()
    {
        var f = Read("a,b\r\n1,2\r\n3,4");
        Assert.Equal([1.0, 3], f.Numeric("a").Values);
        Assert.Equal([2.0, 4], f.Numeric("b").Values);
    }

    [Theory]
    [InlineData("a;b\n1,5;2\n", 2.0)]
    [InlineData("a\tb\n1\t2\n", 2.0)]
    public void DetectsDelimiter(string text, double b) => Assert.Equal(b, Read(text).Numeric("b").Values[0]);

    [Fact]
    public void SemicolonFileWithDecimalCommaIsJunkNotSilentText()
    {
        var ex = Assert.Throws<DataException>(() => Read("a;b\n1;2\n1,5;2\n"));
        Assert.Equal($"Column 'a' in {_files.PathOf("d.csv")}, row 2, holds '1,5', not a number: clean it or pass --na 1,5.", CliFlags.Message(ex));
    }

    [Fact]
    public void QuotedFieldsWithDelimitersQuotesAndNewlines()
    {
        var f = Read("name,x\n\"a, b\",1\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\n");
        var name = (CategoricalColumn)f["name"];
        Assert.Equal(["a, b", "say \"hi\"", "two\nlines"], name.Levels);
        Assert.Equal([1.0, 2, 3], f.Numeric("x").Values);
    }

    [Fact]
    public void ThousandsSeparatorsAndStraySpaces()
    {
        var f = Read("a,b\n\"1,234.5\", 7 \n1 234,8\n");
        Assert.Equal([1234.5, 1234], f.Numeric("a").Values);
        Assert.Equal([7.0, 8], f.Numeric("b").Values);
    }

    [Fact]
    public void BomIsSkipped()
    {
        var path = _files.Write("bom.csv", "id,x\n1,2\n", new UTF8Encoding(true));
        Assert.Equal([1.0], DataReader.Read(path).Numeric("id").Values);
    }

    [Fact]
    public void Gb18030RoundTrip()
    {
        var gb = Encoding.GetEncoding(54936);
        var path = _files.WriteBytes("cn.csv", gb.GetBytes("省份,地区,gdp\n北京,东部,1.5\n四川,西部,2\n北京,东部,3\n"));
        var f = DataReader.Read(path);
        Assert.Equal(["北京", "四川"], ((CategoricalColumn)f["省份"]).Levels);
        Assert.Equal(["东部", "西部"], ((CategoricalColumn)f["地区"]).Levels);
        Assert.Equal([1.5, 2, 3], f.Numeric("gdp").Values);
    }

    [Fact]
    public void Utf8ChineseAndUtf16()
    {
        Assert.Equal(["北京"], ((CategoricalColumn)Read("p,x\n北京,1\n")["p"]).Levels);
        var path = _files.Write("u16.txt", "p\tx\n上海\t2\n", Encoding.Unicode);
        Assert.Equal([2.0], DataReader.Read(path).Numeric("x").Values);
    }

    [Fact]
    public void ProjectionReadsOnlyRequestedColumns()
    {
        var f = Read("a,junk,b\n1,\"x,y\",2\n3,zz,4\n", new ReadOptions { Columns = new HashSet<string> { "b", "a" } });
        Assert.Equal(["a", "b"], f.Columns.Select(c => c.Name));
        Assert.Equal([2.0, 4], f.Numeric("b").Values);
    }

    [Fact]
    public void TextColumnKeepsLaterNumbersAsText()
    {
        var f = Read("code,x\nA1,1\n12,2\n");
        Assert.Equal(["A1", "12"], ((CategoricalColumn)f["code"]).Levels);
    }

    [Fact]
    public void CustomNaStrings()
    {
        var f = Read("x\n1\n-999\nmissing\n", new ReadOptions { NaStrings = ["missing", "-999"] });
        Assert.Equal(1.0, f.Numeric("x").Values[0]);
        Assert.True(double.IsNaN(f.Numeric("x").Values[1]) && double.IsNaN(f.Numeric("x").Values[2]));
    }

    [Fact]
    public void BlankLinesAreSkipped() => Assert.Equal(2, Read("a,b\n1,2\n\n3,4\n\n").RowCount);
}
