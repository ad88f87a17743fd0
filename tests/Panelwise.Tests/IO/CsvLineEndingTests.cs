using System.Text;
using Panelwise.Data;
using Panelwise.IO;
using Xunit;

namespace Panelwise.Tests.IO;

/// <summary>CR (old Mac), LF, CRLF and mixed line endings read alike, on the fast numeric path, on the general path
/// (quoted text, embedded delimiters and line breaks), in a small in-memory file and in a memory-mapped large one.</summary>
public sealed class CsvLineEndingTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, string> Endings => new()
    {
        { "CR", "\r" }, { "LF", "\n" }, { "CRLF", "\r\n" }, { "mixed", "mixed" },
    };

    /// <summary>Joins lines with <paramref name="ending"/>, or cycles CR, LF and CRLF for "mixed".</summary>
    private static string Join(IReadOnlyList<string> lines, string ending, bool trailing = true)
    {
        string[] cycle = ["\r", "\n", "\r\n"];
        var sb = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            sb.Append(lines[i]);
            if (i < lines.Count - 1 || trailing) sb.Append(ending == "mixed" ? cycle[i % 3] : ending);
        }
        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(Endings))]
    public void NumericRowsReadOnTheFastPath(string name, string ending)
    {
        var f = DataReader.Read(_files.Write($"{name}.csv", Join(["a,b", "1,2", "3,4.5", "-6,7e1"], ending)), new ReadOptions());
        Assert.Equal([1.0, 3, -6], f.Numeric("a").Values);
        Assert.Equal([2.0, 4.5, 70], f.Numeric("b").Values);
        var noTrailing = DataReader.Read(_files.Write($"{name}-open.csv", Join(["a,b", "1,2", "3,4"], ending, trailing: false)), new ReadOptions());
        Assert.Equal([2.0, 4], noTrailing.Numeric("b").Values);
    }

    [Theory]
    [MemberData(nameof(Endings))]
    public void QuotedTextReadsOnTheGeneralPath(string name, string ending)
    {
        string text = Join(["id,region,y", "1,\"east, coast\",0.5", "2,west,NA", "", "3,\"line\rbreak\",\"1,5\"", "4,east,2"], ending);
        var f = DataReader.Read(_files.Write($"{name}.csv", text), new ReadOptions { NaStrings = ["NA", "1,5"] });
        Assert.Equal([1.0, 2, 3, 4], f.Numeric("id").Values);
        var region = Assert.IsType<CategoricalColumn>(f["region"]);
        Assert.Equal(["east, coast", "west", "line\rbreak", "east"], region.Codes.Select(c => region.Levels[c]));
        Assert.Equal(2.0, f.Numeric("y").Values[3]);
        Assert.True(double.IsNaN(f.Numeric("y").Values[1]) && double.IsNaN(f.Numeric("y").Values[2]));
    }

    /// <summary>LF and CRLF take this path in the other CSV tests; CR-only and mixed files are normalised in memory.</summary>
    [Theory]
    [InlineData("CR", "\r")]
    [InlineData("mixed", "mixed")]
    public void LargeMappedFilesReadInParallelChunks(string name, string ending)
    {
        const int rows = 300_000; // about 4.6 MB: above the 4 MB read whole, so the file is memory-mapped
        var lines = new List<string>(rows + 1) { "i,half,label" };
        for (int i = 0; i < rows; i++) lines.Add(i % 1000 == 0 ? $"{i},{i * 0.5},\"q{i % 3}\"" : $"{i},{i * 0.5},q{i % 3}");
        var f = DataReader.Read(_files.Write($"{name}-large.csv", Join(lines, ending)), new ReadOptions { Threads = 4 });
        Assert.Equal(rows, f.RowCount);
        var values = f.Numeric("i").Values;
        for (int i = 0; i < rows; i++) if (values[i] != i) Assert.Fail($"row {i + 1} reads {values[i]}");
        Assert.Equal((rows - 1) * 0.5, f.Numeric("half").Values[^1]);
        Assert.Equal(3, Assert.IsType<CategoricalColumn>(f["label"]).Levels.Length);
    }

    [Fact]
    public void DetectorAndNormaliserKeepCrlfAndQuotedCarriageReturns()
    {
        Assert.False(LineEndings_HasLone("a,b\r\n1,2\r\n"));
        Assert.True(LineEndings_HasLone("a,b\r1,2"));
        Assert.True(LineEndings_HasLone("a,b\r\n1,2\r"));
        Assert.True(LineEndings_HasLone(new string('x', 100) + "\r" + new string('y', 100)));
        var bytes = Encoding.UTF8.GetBytes("a,b\r\"x\ry\",2\r\n3,\"\"\"\r\"\r");
        Panelwise.IO.Csv.LineEndings.Normalise(bytes, null);
        Assert.Equal("a,b\n\"x\ry\",2\r\n3,\"\"\"\r\"\n", Encoding.UTF8.GetString(bytes));
    }

    private static bool LineEndings_HasLone(string text) =>
        Panelwise.IO.Csv.LineEndings.HasLoneCarriageReturn(Encoding.UTF8.GetBytes(text), atEnd: true);
}
