using System.Text;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Estimation;
using Panelwise.IO;
using Panelwise.Methods.Descriptive;
using Panelwise.Methods.Mediation;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;
using Panelwise.Study.Definition;
using Panelwise.Study.Plan;
using Panelwise.Models;

namespace Panelwise.Study;

/// <summary>Runs a checked study: the data step, every table's estimates, then each table in Markdown, LaTeX, HTML,
/// Word and Excel (notes ending with the reproducibility stamp), results.json with every estimate, checks.md with the
/// referee checks, and the prepared data as data.csv. Owns no statistics: it calls
/// the library and the renderers. Output is deterministic: running twice gives byte-identical files.</summary>
public static class StudyRunner
{
    /// <summary>Runs the plan into <paramref name="outDirectory"/>. Library settings that notes and checks mention are
    /// named by <paramref name="settingNames"/> (the CLI passes its flags; default: the library's option names).</summary>
    public static StudyOutcome Run(StudyPlan plan, string outDirectory, IProgress<string>? progress = null, Func<Setting, string>? settingNames = null)
    {
        var names = settingNames ?? SettingText.LibraryName;
        OutputFolder.CheckUsable(outDirectory);
        progress?.Report("preparing data");
        var prepared = StudyData.Run(plan);
        var frame = prepared.Frame;
        var notes = plan.DataSteps.Select(s => s.Describe()).Concat(prepared.Notes).ToList();
        var steps = plan.DataSteps.Concat(prepared.Steps).ToList();
        var results = new List<TableResult>();
        for (int t = 0; t < plan.Tables.Count; t++)
        {
            var table = plan.Tables[t];
            progress?.Report($"table {t + 1}/{plan.Tables.Count}: {table.Name}");
            results.Add(table.Summary is { } summary ? Summarise(frame, table, summary, plan.Labels)
                : table.Mediation is { } mediation ? Mediate(frame, table, mediation)
                : table.Multiverse is { } multiverse ? StudyMultiverse.Run(frame, table, multiverse)
                : table.Comparison is { } comparison ? StudyComparison.Run(frame, table, comparison, plan.Labels) : Estimate(frame, table, names));
        }
        var checks = StudyChecks.Find(results).Select(c => c with { Message = SettingText.Render(c.Message, names) }).ToList();
        var inputs = ReproducibilityStamp.Of(plan);
        string stamp = inputs.Line(TableText.En);
        results = results.Select((r, t) => WithNotes(r, plan.Tables[t], plan.Labels, inputs)).ToList();
        results.AddRange(steps.OfType<UnitGroupingReport>().SelectMany(g => UnitGroupingTables.For(g, plan.Text, plan.Labels)));
        var provenance = ProvenanceText.Lines(plan.Provenance, plan.Labels);
        // results.json lists the data notes only (estimation notes are in each column); the report shows both.
        var dataNotes = notes.ToList();
        notes.AddRange(results.SelectMany(r => r.Columns).SelectMany(c => c.Result.Notes).Select(n => n.Text));
        var allNotes = notes.Distinct().ToList();
        var tableNotes = results.Select(r => (r.Name, (IReadOnlyList<string>)[.. r.Columns.SelectMany(c => c.Result.Notes).Select(n => n.Text).Distinct()])).ToList();
        var files = OutputFolder.Replace(outDirectory,
            folder => Write(plan, frame, results, (dataNotes, allNotes, tableNotes), stamp, checks, provenance, steps, folder));
        return new StudyOutcome(files, allNotes) { Checks = checks, DataRows = frame.RowCount, DataNotes = dataNotes, TableNotes = tableNotes };
    }

    /// <summary>Writes every output file into <paramref name="folder"/> (a staging folder: see <see cref="OutputFolder"/>).</summary>
    private static List<string> Write(StudyPlan plan, Frame frame, List<TableResult> results,
        (List<string> Data, List<string> All, List<(string Table, IReadOnlyList<string> Notes)> Tables) notes, string stamp, IReadOnlyList<StudyCheck> checks, IReadOnlyList<string> provenance,
        IReadOnlyList<DataStepReport> steps, string folder)
    {
        var files = new List<string>();
        foreach (var result in results) files.AddRange(TableFiles.WriteAll(result.Table, folder, result.Name));
        // Results are not aligned with plan.Tables (a classification adds tables of its own): find a multiverse's by name.
        foreach (var result in results.Where(r => r.Multiverse is not null))
            files.AddRange(StudyMultiverse.WriteSpecifications(result, plan.Tables.Single(t => t.Name == result.Name).Layout, folder));
        if (results.Count > 0) files.Add(StudyWorkbook.Write(results, notes.Data, notes.Tables, checks, folder));
        string json = Path.Combine(folder, "results.json");
        File.WriteAllText(json, StudyResultsJson.Write(plan, frame.RowCount, results, notes.Data, stamp, checks, provenance, steps), new UTF8Encoding(false));
        files.Add(json);
        string checksFile = Path.Combine(folder, "checks.md");
        File.WriteAllText(checksFile, StudyChecks.Markdown(checks, provenance, steps), new UTF8Encoding(false));
        files.Add(checksFile);
        string data = Path.Combine(folder, "data.csv");
        FrameWriter.WriteCsv(frame, data);
        files.Add(data);
        files.AddRange(StudyFigures.Write(plan, frame, results, notes.All, provenance, folder));
        return files;
    }

    /// <summary>The table's notes, then the synthetic-variables note (if it uses any), then the stamp (if asked).</summary>
    private static TableResult WithNotes(TableResult result, PlannedTable table, IReadOnlyDictionary<string, string> labels, StampInputs inputs)
    {
        var notes = result.Table.Notes.ToList();
        if (table.SyntheticVariables.Count > 0) notes.Add(ProvenanceText.TableNote(table.SyntheticVariables, labels, table.Layout.Text));
        if (table.Stamp) notes.Add(inputs.Line(table.Layout.Text));
        return result with { Table = result.Table with { Notes = notes } };
    }

    private static TableResult Estimate(Frame frame, PlannedTable table, Func<Setting, string> names)
    {
        var columns = new List<RegressionTableColumn>();
        var matches = new Dictionary<int, MatchedSample>();
        foreach (var fit in table.Fits)
        {
            IReadOnlyList<Results.RegressionResult> fitted;
            if (fit.Match is { } match)
            {
                (fitted, var sample) = StudyMatching.Fit(frame, fit, match);
                for (int v = 0; v < fitted.Count; v++) matches[columns.Count + v] = sample;
            }
            else fitted = Regression.Fit(frame, fit.Formula, fit.Options);
            fitted = [.. fitted.Select(r => r.NamingSettings(names))];
            columns.AddRange(fitted.Select(r => new RegressionTableColumn(r, fit.Title) { Tests = fit.Tests }));
        }
        var layout = matches.Count == 0 ? table.Layout
            : table.Layout with { Notes = [.. matches.OrderBy(m => m.Key).Select(m => m.Value.Note(m.Key + 1, table.Layout.Text)), .. table.Layout.Notes] };
        return new TableResult { Name = table.Name, Table = RegressionTableBuilder.Build(columns, layout), Columns = columns, Matches = matches };
    }

    private static TableResult Mediate(Frame frame, PlannedTable table, PlannedMediation mediation)
    {
        var result = MediationAnalysis.Run(frame, mediation.Spec, mediation.Options);
        return new TableResult { Name = table.Name, Table = MediationTableBuilder.Build(result, mediation.Spec, table.Layout), Mediation = result };
    }

    private static TableResult Summarise(Frame frame, PlannedTable table, PlannedSummary summary, IReadOnlyDictionary<string, string> labels)
    {
        bool[]? sample = summary.If is null ? null : RowFilter.Evaluate(frame, summary.If);
        var layout = table.Layout;
        switch (summary.Kind)
        {
            case SummaryKind.Descriptive:
                var summaries = DescriptiveStatistics.Summarise(frame, summary.Variables, sample);
                var options = new DescriptiveTableOptions
                {
                    Title = layout.Title, Statistics = summary.Statistics, Decimals = layout.Decimals, Labels = labels, Notes = layout.Notes, Text = layout.Text,
                };
                return new TableResult { Name = table.Name, Table = DescriptiveTableBuilder.Build(summaries, options), Summaries = summaries };
            case SummaryKind.Correlation:
                var matrix = Correlations.Compute(frame, summary.Variables, sample);
                return new TableResult
                {
                    Name = table.Name,
                    Table = CorrelationTableBuilder.Build(matrix, layout.Stars, layout.Decimals, labels, layout.Title, layout.Text),
                    Correlations = matrix,
                };
            default:
                var factors = VarianceInflation.Compute(frame, summary.Variables, sample);
                return new TableResult { Name = table.Name, Table = VifTableBuilder.Build(factors, layout.Decimals, labels, layout.Title, layout.Text), Vif = factors };
        }
    }
}
