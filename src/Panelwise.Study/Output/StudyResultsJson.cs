using System.Text.Json;
using Panelwise.Render.Json;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>results.json: first, when the study declares its synthetic data, the provenance (real and synthetic
/// variables and the caution); the data-handling steps with their counts and index weights; then every estimate of a
/// study in the fit command's JSON contract, by table and column, with
/// the summaries of descriptive tables, the tests of heterogeneity tables, the counts of matched columns, the
/// estimates of mediation tables and, per multiverse table, a "multiverse" block written by the code of
/// <c>panelwise multiverse --json</c>. Paths are written as file names only, so the document does not depend on
/// where the study was run.</summary>
internal static partial class StudyResultsJson
{
    public static string Write(StudyPlan plan, int rows, IReadOnlyList<TableResult> tables, IReadOnlyList<string> notes,
        string stamp, IReadOnlyList<StudyCheck> checks, IReadOnlyList<string> provenance,
        IReadOnlyList<DataStepReport> steps)
    {
        return JsonContract.Document(w =>
        {
            w.WriteStartObject();
            w.WriteString("study", plan.Title);
            // First, so that a reader meets it before any estimate: which variables are real and which synthetic.
            if (plan.Provenance.Declared) WriteProvenance(w, plan.Provenance, provenance);
            w.WriteString("source", Path.GetFileName(plan.Source));
            w.WriteString("data", string.Join(", ", plan.DataPaths.Select(Path.GetFileName)));
            w.WriteNumber("rows", rows);
            w.WriteString("stamp", stamp);
            if (steps.Count > 0) WriteDataHandling(w, steps);
            w.WriteStartArray("tables");
            foreach (var table in tables) WriteTable(w, table);
            w.WriteEndArray();
            w.WriteStartArray("checks");
            foreach (var check in checks)
            {
                w.WriteStartObject();
                w.WriteString("table", check.Table);
                w.WriteNumber("column", check.Column);
                if (check.Title is { } title) w.WriteString("title", title);
                w.WriteString("kind", check.Kind);
                w.WriteString("message", check.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            JsonContract.Notes(w, notes);
            w.WriteEndObject();
        }) + "\n";
    }

    private static void WriteTable(Utf8JsonWriter w, TableResult table)
    {
        w.WriteStartObject();
        w.WriteString("name", table.Name);
        w.WriteString("title", table.Table.Title);
        if (table.Classification is { } classification) w.WriteString("classification", classification);
        if (table.Summaries is { } summaries) DescriptiveJson.WriteSummaries(w, summaries);
        if (table.Correlations is { } m) DescriptiveJson.WriteCorrelationMatrix(w, m);
        if (table.Vif is { } vif) DescriptiveJson.WriteVif(w, vif);
        if (table.Comparison is { } comparison) WriteComparison(w, comparison);
        if (table.Mediation is { } mediation) MediationJson.WriteBlock(w, mediation);
        if (table.Multiverse is { } multiverse)
        {
            w.WriteStartObject("multiverse");
            MultiverseJson.WriteFields(w, multiverse);
            w.WriteEndObject();
        }
        if (table.Columns.Count > 0)
        {
            w.WriteStartArray("columns");
            for (int c = 0; c < table.Columns.Count; c++)
            {
                w.WriteStartObject();
                w.WriteNumber("number", c + 1);
                if (table.Columns[c].Title is { } title) w.WriteString("title", title);
                if (table.Matches.TryGetValue(c, out var match)) MatchJson.WriteSample(w, match.Spec, match.Counts);
                w.WritePropertyName("result");
                JsonContract.WriteResult(w, table.Columns[c].Result);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
