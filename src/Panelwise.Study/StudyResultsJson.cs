using System.Text;
using System.Text.Json;
using Panelwise.Render.Json;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>results.json: first, when the study declares its synthetic data, the provenance (real and synthetic
/// variables and the caution); the data-handling steps with their counts and index weights; then every estimate of a
/// study in the fit command's JSON contract, by table and column, with
/// the summaries of descriptive tables, the tests of heterogeneity tables, the counts of matched columns and the
/// estimates of mediation tables. Paths are written as file names only, so the document does not depend on
/// where the study was run.</summary>
internal static partial class StudyResultsJson
{
    public static string Write(StudyPlan plan, int rows, IReadOnlyList<TableResult> tables, IReadOnlyList<string> notes,
        string stamp, IReadOnlyList<StudyCheck> checks, IReadOnlyList<string> provenance,
        IReadOnlyList<DataStepReport> steps)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
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
            w.WriteStartArray("notes");
            foreach (var note in notes) w.WriteStringValue(note);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteTable(Utf8JsonWriter w, TableResult table)
    {
        w.WriteStartObject();
        w.WriteString("name", table.Name);
        w.WriteString("title", table.Table.Title);
        if (table.Summaries is { } summaries) DescriptiveJson.WriteSummaries(w, summaries);
        if (table.Correlations is { } m)
        {
            w.WriteStartArray("correlations");
            for (int i = 0; i < m.Variables.Count; i++)
                for (int j = 0; j < i; j++)
                {
                    w.WriteStartObject();
                    w.WriteString("x", m.Variables[i]);
                    w.WriteString("y", m.Variables[j]);
                    JsonContract.Number(w, "r", m.R[i, j]);
                    JsonContract.Number(w, "p_value", m.PValue[i, j]);
                    w.WriteNumber("n", m.Pairs[i, j]);
                    w.WriteEndObject();
                }
            w.WriteEndArray();
        }
        if (table.Vif is { } vif)
        {
            w.WriteStartArray("vif");
            foreach (var (variable, value) in vif)
            {
                w.WriteStartObject();
                w.WriteString("variable", variable);
                JsonContract.Number(w, "vif", value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (table.Comparison is { } comparison) WriteComparison(w, comparison);
        if (table.Mediation is { } mediation) WriteMediation(w, mediation);
        if (table.Columns.Count > 0)
        {
            w.WriteStartArray("columns");
            for (int c = 0; c < table.Columns.Count; c++)
            {
                w.WriteStartObject();
                w.WriteNumber("number", c + 1);
                if (table.Columns[c].Title is { } title) w.WriteString("title", title);
                if (table.Matches.TryGetValue(c, out var match)) WriteMatch(w, match);
                w.WritePropertyName("result");
                JsonContract.WriteResult(w, table.Columns[c].Result);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
