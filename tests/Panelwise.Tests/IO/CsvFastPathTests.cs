using Panelwise.Cli;
using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using Panelwise.Data;
using Panelwise.IO;
using Xunit;

namespace Panelwise.Tests.IO;

/// <summary>The CSV reader parses plain numeric rows on an unchecked fast path and defers everything else to the
/// general one; these check that the two agree with double.Parse bit for bit and hand over cleanly mid-file.</summary>
public sealed class CsvFastPathTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Text(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static void SameBits(string text, double actual)
    {
        double expected = double.Parse(text, CultureInfo.InvariantCulture);
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"'{text}': expected {expected:R}, got {actual:R}");
    }

    [Property(MaxTest = 200)]
    public void RandomNumbersMatchRuntime(double[] values, long[] integers, byte decimals)
    {
        var cells = values.Where(double.IsFinite).Select(Text)
            .Concat(integers.Select(i => i.ToString(CultureInfo.InvariantCulture)))
            .Concat(integers.Select(i => (i / 1e6).ToString("F" + (decimals % 25), CultureInfo.InvariantCulture)))
            .ToList();
        if (cells.Count == 0) return;
        var sb = new StringBuilder("a,skip,b\n");
        foreach (var cell in cells) sb.Append(cell).Append(",zz,").Append(cell).Append('\n');
        var f = DataReader.Read(_files.Write("r.csv", sb.ToString()), new ReadOptions { Columns = new HashSet<string> { "a", "b" } });
        for (int i = 0; i < cells.Count; i++)
        {
            SameBits(cells[i], f.Numeric("a").Values[i]);
            SameBits(cells[i], f.Numeric("b").Values[i]);
        }
    }

    [Theory]
    [InlineData("-0")]
    [InlineData("-0.000")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("-.5")]
    [InlineData("+3")]
    [InlineData("1e5")]
    [InlineData("1.5E-3")]
    [InlineData("9007199254740992")]
    [InlineData("9007199254740993")]
    [InlineData("9999999999999999999")]
    [InlineData("12345678901234567890123")]
    [InlineData("0.0000000000000000000000001")]
    [InlineData("0.1234567890123456789012")]
    [InlineData("123456.123456")]
    public void EdgeNumbersBetweenPlainRows(string cell)
    {
        var f = DataReader.Read(_files.Write("e.csv", $"x,y\n1,2\n{cell},{cell}\n3,4\n"));
        Assert.Equal([1.0, double.Parse(cell, CultureInfo.InvariantCulture), 3], f.Numeric("x").Values);
        SameBits(cell, f.Numeric("y").Values[1]);
    }

    [Fact]
    public void GeneralRowsBetweenFastRows()
    {
        var f = DataReader.Read(_files.Write("m.csv",
            "a,b,c\r\n1,2,3\r\n\"4\",NA,6\r\n7, 8 ,9\r\n\r\n10,,12\r\n13,\"1,234\",15\r\n16,17,18"));
        Assert.Equal([1.0, 4, 7, 10, 13, 16], f.Numeric("a").Values);
        var b = f.Numeric("b").Values;
        Assert.Equal(2.0, b[0]);
        Assert.True(double.IsNaN(b[1]) && double.IsNaN(b[3]));
        Assert.Equal([8.0, 1234, 17], new[] { b[2], b[4], b[5] });
        Assert.Equal([3.0, 6, 9, 12, 15, 18], f.Numeric("c").Values);
    }

    [Fact]
    public void SkippedColumnsWithQuotesAndText()
    {
        var f = DataReader.Read(_files.Write("s.csv", "t,x,u\n\"a,\"\"b\",1.5,zz\nplain,2.5,\"q\nr\"\nc,-3,\n"),
            new ReadOptions { Columns = new HashSet<string> { "x" } });
        Assert.Equal([1.5, 2.5, -3], f.Numeric("x").Values);
    }

    [Fact]
    public void LaterTextTurnsColumnToTextAfterFastRows()
    {
        var f = DataReader.Read(_files.Write("t.csv", "k,x\n,1\nNA,2\nabc,3\n4,4\n"));
        Assert.Equal(["abc", "4"], ((CategoricalColumn)f["k"]).Levels);
        Assert.Equal([1.0, 2, 3, 4], f.Numeric("x").Values);
    }

    [Fact]
    public void JunkAfterFastRowsIsReported()
    {
        var path = _files.Write("j.csv", "x,y\n1,2\n3,4x\n");
        var ex = Assert.Throws<DataException>(() => DataReader.Read(path));
        Assert.Equal($"Column 'y' in {path}, row 2, holds '4x', not a number: clean it or pass --na 4x.", CliFlags.Message(ex));
    }

    [Fact]
    public void RaggedAfterFastRowsIsReported()
    {
        var path = _files.Write("g.csv", "x,y\n1,2\n3,4,5\n");
        var ex = Assert.Throws<DataException>(() => DataReader.Read(path));
        Assert.StartsWith($"Row 2 of {path} has 3 fields but the header has 2", ex.Message);
    }

    [Fact]
    public void TabAndSemicolonDelimiters()
    {
        Assert.Equal([1.25, 3], DataReader.Read(_files.Write("t.tsv", "a\tb\n1.25\t2\n3\t4\n")).Numeric("a").Values);
        Assert.Equal([2.0, 4], DataReader.Read(_files.Write("s.csv", "a;b\n1.25;2\n3;4\n")).Numeric("b").Values);
    }

    [Fact]
    public void LongSkippedRunsAcrossVectorBlocks()
    {
        string pad = new('w', 40);
        var sb = new StringBuilder("a,s1,s2,s3,s4,b\n");
        for (int i = 0; i < 50; i++)
        {
            string s2 = i % 7 == 3 ? $"\"{pad},\"\"{i}\"" : i % 5 == 1 ? $"x\"{i}" : pad[..(i % 40)];
            sb.Append($"{i},{pad},{s2},,{i}{pad},{-i}.5\n");
        }
        var f = DataReader.Read(_files.Write("w.csv", sb.ToString()), new ReadOptions { Columns = new HashSet<string> { "a", "b" } });
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (double)i), f.Numeric("a").Values);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => -i - 0.5 * (i == 0 ? -1 : 1)), f.Numeric("b").Values);
    }

    [Fact]
    public void ShortRowInsideSkippedRunIsReported()
    {
        string pad = new('w', 40);
        var path = _files.Write("r.csv", $"a,s1,s2,s3,b\n1,{pad},{pad},{pad},2\n3,{pad},{pad},4\n");
        var ex = Assert.Throws<DataException>(() => DataReader.Read(path, new ReadOptions { Columns = new HashSet<string> { "a", "b" } }));
        Assert.StartsWith($"Row 2 of {path} has 4 fields but the header has 5", ex.Message);
    }
}
