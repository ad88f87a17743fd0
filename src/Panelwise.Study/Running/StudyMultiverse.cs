using Panelwise.Data;
using Panelwise.Methods.Multiverse;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>A multiverse table of a study: fits every specification with the library's <see cref="Multiverse"/>, as
/// <c>panelwise multiverse</c> does on the same data and dimensions, and draws its summary table in the table's
/// language and labels. <see cref="WriteSpecifications"/> writes the table of specifications twice: NAME-specs.csv
/// exactly as <c>panelwise multiverse --out</c> (names, every digit) and NAME-specs.xlsx as the study's tables read
/// (labels, language, the table's digits).</summary>
internal static class StudyMultiverse
{
    public static TableResult Run(Frame frame, PlannedTable table, PlannedMultiverse multiverse)
    {
        MultiverseResult result;
        try
        {
            // The columns the specifications read, as panelwise multiverse reads them: a draw of the joint test then
            // copies those alone, not every column of the study's data (twice the run time on the example).
            var columns = Multiverse.RequiredColumns(multiverse.Spec, multiverse.Options);
            result = Multiverse.Run(new Frame([.. frame.Columns.Where(c => columns.Contains(c.Name))], frame.Source), multiverse.Spec, multiverse.Options);
        }
        catch (UserInputException ex) when (ex is not StudyException)
        {
            throw new StudyException([StudyErrors.MultiverseRun(multiverse.Source, multiverse.Line, table.Name, StudySettings.Message(ex))]);
        }
        return new TableResult { Name = table.Name, Table = MultiverseTableBuilder.Summary(result, table.Layout), Multiverse = result };
    }

    /// <summary>Writes NAME-specs.csv and NAME-specs.xlsx into <paramref name="folder"/>; returns their paths (none
    /// for another kind of table).</summary>
    public static IReadOnlyList<string> WriteSpecifications(TableResult result, RegressionTableOptions layout, string folder)
    {
        if (result.Multiverse is not { } multiverse) return [];
        string csv = Path.Combine(folder, result.Name + "-specs.csv");
        MultiverseCsv.Write(multiverse, csv);
        string xlsx = Path.Combine(folder, result.Name + "-specs.xlsx");
        using (var stream = File.Create(xlsx))
            XlsxTableWriter.Write(MultiverseTableBuilder.Specifications(multiverse, layout), stream, "Specifications");
        return [csv, xlsx];
    }
}
