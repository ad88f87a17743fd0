using DocumentFormat.OpenXml.Packaging;
using Panelwise.Examples;
using Panelwise.Tests.Support;
using Xunit;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Panelwise.Tests.Docs;

/// <summary>docs/library.md's complete example is real code: the block after its marker is byte for byte
/// docs/examples/LibraryExample.cs, which this project compiles; running it writes a Word table whose numbers are
/// Grunfeld's (reference values from R plm 2.6.2 in tests/reference/oracle/cases.json: pooled OLS and the within
/// estimator with iid errors, small-sample df N - K - firms).</summary>
public class LibraryExampleTests
{
    private const string Marker = "<!-- example: docs/examples/LibraryExample.cs -->";

    [Fact]
    public void Docs_embed_the_compiled_example_verbatim()
    {
        string[] lines = File.ReadAllText(RepositoryPath.Of("docs", "library.md")).Split('\n');
        int marker = Array.IndexOf(lines, Marker);
        Assert.True(marker >= 0, $"docs/library.md has no line '{Marker}'");
        Assert.Equal("```csharp", lines[marker + 1]);
        int end = Array.IndexOf(lines, "```", marker + 2);
        Assert.True(end > marker, "the example's code block is not closed");
        string embedded = string.Join("\n", lines[(marker + 2)..end]) + "\n";
        Assert.Equal(File.ReadAllText(RepositoryPath.Of("docs", "examples", "LibraryExample.cs")), embedded);
    }

    [Fact]
    public void Example_runs_and_writes_the_table_to_word()
    {
        string docx = Path.Combine(Path.GetTempPath(), $"panelwise-library-example-{Guid.NewGuid():N}.docx");
        try
        {
            var results = LibraryExample.Run(RepositoryPath.Of("examples", "grunfeld", "grunfeld.csv"), docx);

            // plm: grunfeld_pooled_ols and grunfeld_fe_within_iid.
            Near(0.115562156360552, results[0]["value"]!.Estimate);
            Near(0.00583570955722063, results[0]["value"]!.StdError);
            Near(0.110123804120719, results[1]["value"]!.Estimate);
            Near(0.110123804120719, results[2]["value"]!.Estimate);
            Near(0.0118566942140438, results[2]["value"]!.StdError);
            Assert.NotEqual(results[1]["value"]!.StdError, results[2]["value"]!.StdError);

            Assert.True(File.Exists(docx));
            using var document = WordprocessingDocument.Open(docx, false);
            var body = document.MainDocumentPart!.Document!.Body!;
            var rows = body.Elements<Word.Table>().Single().Elements<Word.TableRow>()
                .Select(r => r.Elements<Word.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            var valueRow = rows.FindIndex(r => r[0] == "Market value");
            Assert.True(valueRow > 0, "no 'Market value' row in the Word table");
            Assert.Equal(["Market value", "0.1156***", "0.1101***", "0.1101***"], rows[valueRow]);
            Assert.Equal("(0.0119)", rows[valueRow + 1][3]);
            Assert.Equal("Table 1: Investment and firm value", body.Elements<Word.Paragraph>().First().InnerText);
        }
        finally
        {
            File.Delete(docx);
        }
    }

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
