using System.Text.Json;
using Panelwise.Render.Json;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>The study-level blocks of results.json: which data are synthetic, and the data-handling steps with their
/// counts (an index's step carries its weights).</summary>
internal static partial class StudyResultsJson
{
    /// <summary>"provenance": the statement's lines, the real and synthetic variables the tables use, and why each
    /// synthetic one is synthetic.</summary>
    private static void WriteProvenance(Utf8JsonWriter w, StudyProvenance provenance, IReadOnlyList<string> statement)
    {
        w.WriteStartObject("provenance");
        JsonContract.Strings(w, "statement", statement);
        JsonContract.Strings(w, "real", provenance.RealUsed);
        w.WriteStartArray("synthetic");
        foreach (var name in provenance.SyntheticUsed)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("origin", provenance.Synthetic[name]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDataHandling(Utf8JsonWriter w, IReadOnlyList<DataStepReport> steps)
    {
        w.WriteStartArray("data_handling");
        foreach (var step in steps)
        {
            w.WriteStartObject();
            w.WriteString("kind", step.Kind);
            w.WriteString("text", step.Describe());
            switch (step)
            {
                case InterpolationReport r:
                    w.WriteString("variable", r.Variable);
                    w.WriteString("source", r.Source);
                    w.WriteNumber("filled", r.Filled);
                    w.WriteNumber("missing_before_first", r.MissingBeforeFirst);
                    w.WriteNumber("missing_after_last", r.MissingAfterLast);
                    w.WriteNumber("units_without_values", r.UnitsWithoutValues);
                    break;
                case ConversionReport r:
                    w.WriteString("variable", r.Variable);
                    w.WriteString("source", r.Source);
                    w.WriteString("from", r.From);
                    w.WriteString("to", r.To);
                    w.WriteNumber("multiplier", r.Multiplier);
                    w.WriteNumber("divisor", r.Divisor);
                    w.WriteNumber("converted", r.Converted);
                    break;
                case SampleReport r:
                    w.WriteString("condition", r.Condition);
                    JsonContract.Strings(w, "used_by", r.UsedBy);
                    w.WriteNumber("rows", r.Rows);
                    w.WriteNumber("kept", r.Kept);
                    w.WriteNumber("excluded", r.Rows - r.Kept);
                    w.WriteNumber("units_kept", r.UnitsKept);
                    JsonContract.Strings(w, "units_excluded", r.UnitsExcluded);
                    break;
                case IndexReport r:
                    WriteIndex(w, r);
                    break;
                case UnitGroupingReport r:
                    // The group command's --json fields (pca, groups, column, notes) by the same writer, then the comparisons.
                    w.WriteString("variable", r.Variable);
                    w.WriteString("unit", r.Unit);
                    GroupJson.WriteFields(w, r.Result);
                    w.WriteStartArray("agreement");
                    foreach (var agreement in r.Agreements) GroupAgreementJson.Write(w, agreement);
                    w.WriteEndArray();
                    break;
                case ClassificationReport r:
                    w.WriteString("variable", r.Rule.Into);
                    w.WriteString("table", r.Rule.Table);
                    w.WriteString("text_column", r.Rule.Text);
                    JsonContract.Strings(w, "keywords", r.Rule.Keywords);
                    JsonContract.Strings(w, "exclude", r.Rule.Exclude);
                    w.WriteNumber("rows", r.Counts.Rows);
                    w.WriteNumber("classified", r.Counts.Classified);
                    w.WriteNumber("excluded", r.Counts.Excluded);
                    w.WriteNumber("missing_text", r.Counts.MissingText);
                    w.WriteString("ran_on", r.Engine is null ? "duckdb" : "engine");
                    if (r.Engine is { } engine) w.WriteString("engine", engine);
                    break;
                case EngineTransferReport r:
                    // What crossed the wire: a pushed-down query's result, an engine source, or a table fetched for a local query.
                    w.WriteString("source", r.What);
                    w.WriteString("engine", r.Engine);
                    w.WriteBoolean("pushed_down", r.OnEngine);
                    JsonContract.Strings(w, "tables", r.Tables);
                    w.WriteNumber("rows_fetched", r.Rows);
                    w.WriteNumber("bytes_fetched", r.Bytes);
                    if (r.Reason is { } reason) w.WriteString("reason", reason);
                    break;
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteIndex(Utf8JsonWriter w, IndexReport r)
    {
        w.WriteString("index", r.Index);
        if (r.Condition is { } condition) w.WriteString("condition", condition);
        w.WriteNumber("rows", r.Rows);
        w.WriteNumber("excluded", r.Excluded);
        w.WriteStartArray("indicators");
        foreach (var i in r.Indicators)
        {
            w.WriteStartObject();
            w.WriteString("column", i.Column);
            if (i.FirstTime is double first) w.WriteNumber("first_year", first);
            if (i.LastTime is double last) w.WriteNumber("last_year", last);
            w.WriteNumber("missing_on_index_rows", i.MissingOnIndexRows);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        IndexJson.WriteWeights(w, r.Weights);
    }
}
