using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Models;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;
using Panelwise.Results;

namespace Panelwise.Examples;

/// <summary>Grunfeld's investment panel: read the file, fit pooled OLS and a firm fixed-effects model, re-covary the
/// second without refitting, and write the three columns as a regression table to Word.</summary>
public static class LibraryExample
{
    public static IReadOnlyList<RegressionResult> Run(string dataPath, string docxPath)
    {
        // Read only the columns the models use (.csv, .tsv, .txt, .xlsx, .dta or .parquet, by extension).
        const string pooledFormula = "inv ~ value + capital";
        const string withinFormula = "inv ~ value + capital | firm";
        var frame = DataReader.Read(dataPath, new ReadOptions { Columns = Regression.RequiredColumns(withinFormula) });

        // Fit returns one result per csw()/sw() variant of the formula; these formulas have one each.
        RegressionResult pooled = Regression.Fit(frame, pooledFormula)[0];
        RegressionResult within = Regression.Fit(frame, withinFormula,
            new FitOptions { Vcov = VcovSpec.Cluster("firm") })[0];

        // The same coefficients under another covariance, without refitting. (A cluster covariance needs its cluster
        // variable to have been given to the fit, as "firm" was above.)
        RegressionResult withinIid = within.WithVcov(VcovSpec.Iid);

        Console.WriteLine($"value: {within["value"]!.Estimate:F4}, se clustered {within["value"]!.StdError:F4}, "
            + $"iid {withinIid["value"]!.StdError:F4} ({withinIid.Vcov.Convention})");
        foreach (Note note in within.Notes) Console.WriteLine($"note ({note.Kind}, {note.Code}): {note.Text}");

        // One table model, rendered by any writer: Text, Markdown, LaTeX, HTML, Word (.docx) or Excel (.xlsx).
        TableModel table = RegressionTableBuilder.Build(
            [new RegressionTableColumn(pooled, "Pooled OLS"), new(within, "Firm FE"), new(withinIid, "Firm FE, iid")],
            new RegressionTableOptions
            {
                Title = "Table 1: Investment and firm value",
                Decimals = 4,
                Labels = new Dictionary<string, string> { ["value"] = "Market value", ["capital"] = "Capital stock" },
            });
        using (var file = File.Create(docxPath)) DocxTableWriter.Write(table, file);
        return [pooled, within, withinIid];
    }
}
