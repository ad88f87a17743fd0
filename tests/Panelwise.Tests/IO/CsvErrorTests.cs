using Panelwise.Cli;
using Panelwise.Data;
using Panelwise.IO;
using Xunit;

namespace Panelwise.Tests.IO;

public sealed class CsvErrorTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Fails(string text, ReadOptions? options = null, string name = "d.csv")
    {
        var path = _files.Write(name, text);
        return CliFlags.Message(Assert.Throws<DataException>(() => DataReader.Read(path, options ?? new ReadOptions())));
    }

    private string P(string name = "d.csv") => _files.PathOf(name);

    [Fact]
    public void JunkInNumericColumn() =>
        Assert.Equal($"Column 'gdp' in {P()}, row 3, holds 'n/a', not a number: clean it or pass --na n/a.",
            Fails("id,gdp\n1,2.5\n2,NA\n3,n/a\n4,5\n"));

    [Fact]
    public void JunkSuffix() =>
        Assert.Equal($"Column 'x' in {P()}, row 2, holds '12abc', not a number: clean it or pass --na 12abc.",
            Fails("x\n1\n12abc\n"));

    [Fact]
    public void RaggedRows()
    {
        Assert.Equal($"Row 2 of {P()} has 2 fields but the header has 3: quote text that contains the delimiter, or fix the row.",
            Fails("a,b,c\n1,2,3\n4,5\n"));
        Assert.Equal($"Row 1 of {P()} has 4 fields but the header has 3: quote text that contains the delimiter, or fix the row.",
            Fails("a,b,c\n1,2,3,4\n"));
    }

    [Fact]
    public void UnclosedQuote() =>
        Assert.Equal($"Row 2 of {P()}, column 'name', opens a quote that never closes: close or remove the quote.",
            Fails("name,x\na,1\n\"b,2\n"));

    [Fact]
    public void EmptyAndHeaderOnly()
    {
        Assert.Equal($"{P()} is empty: it needs a header line and at least one data row.", Fails(""));
        Assert.Equal($"{P()} has a header but no data rows.", Fails("a,b\n"));
        Assert.Equal($"{P()} has a header but no data rows.", Fails("a,b"));
    }

    [Fact]
    public void DuplicateHeader() =>
        Assert.Equal($"Column name 'a' appears twice in {P()}: rename one of them.", Fails("a,b,a\n1,2,3\n"));

    [Fact]
    public void MissingRequestedColumn() =>
        Assert.Equal($"Column 'gpd' is not in {P()}. Did you mean 'gdp'?",
            Fails("year,gdp\n1,2\n", new ReadOptions { Columns = new HashSet<string> { "gpd" } }));

    [Fact]
    public void UnknownExtension() =>
        Assert.Equal($"Cannot read {P("d.sav")}: unknown file type '.sav'. Save it as one of .csv, .tsv, .txt, .xlsx, .dta, .parquet.",
            Fails("x", name: "d.sav"));

    [Fact]
    public void MissingFile()
    {
        var path = P("nope.csv");
        var ex = Assert.Throws<DataException>(() => DataReader.Read(path));
        Assert.StartsWith($"File {path} does not exist: check the path", ex.Message);
    }
}
