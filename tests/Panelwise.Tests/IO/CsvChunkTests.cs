using Panelwise.Cli;
using System.Text;
using Panelwise.Data;
using Panelwise.IO;
using Xunit;

namespace Panelwise.Tests.IO;

/// <summary>Files over 1 MB are split into chunks parsed in parallel; these check the seams.</summary>
public sealed class CsvChunkTests : IDisposable
{
    private const int Rows = 120_000;
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Big(Func<int, string> line)
    {
        var sb = new StringBuilder("id,x,note\n");
        for (int i = 0; i < Rows; i++) sb.Append(line(i)).Append('\n');
        return _files.Write("big.csv", sb.ToString());
    }

    [Fact]
    public void QuotedNewlinesAcrossChunks()
    {
        var path = Big(i => $"{i},{i * 0.5},\"line {i}\nnext, part\"");
        var f = DataReader.Read(path, new ReadOptions { Threads = 4 });
        Assert.Equal(Rows, f.RowCount);
        Assert.Equal(Enumerable.Range(0, Rows).Select(i => (double)i), f.Numeric("id").Values);
        Assert.Equal("line 99999\nnext, part", ((CategoricalColumn)f["note"]).ValueAt(99_999));
    }

    [Fact]
    public void JunkLateInFileReportsFileRow()
    {
        var path = Big(i => $"{i},{(i == 100_000 ? "oops" : "1.5")},a");
        var ex = Assert.Throws<DataException>(() => DataReader.Read(path, new ReadOptions { Threads = 4 }));
        Assert.Equal($"Column 'x' in {path}, row 100001, holds 'oops', not a number: clean it or pass --na oops.", CliFlags.Message(ex));
    }

    [Fact]
    public void TextColumnThatLooksNumericInLaterChunks()
    {
        var path = Big(i => $"{i},1,{(i == 0 ? "A" : (i % 7).ToString())}");
        var note = (CategoricalColumn)DataReader.Read(path, new ReadOptions { Threads = 4 })["note"];
        Assert.Equal(["A", "1", "2", "3", "4", "5", "6", "0"], note.Levels);
        Assert.Equal("6", note.ValueAt(6));
    }
}
