using System.Text.Json;
using Panelwise.Methods.Descriptive;

namespace Panelwise.Render.Json;

/// <summary>Descriptive results in the JSON contract: the describe command's document {"rows", "variables": [...],
/// "correlations", "vif"} and the same blocks inside a study's summary tables (snake_case, non-finite numbers as null).</summary>
public static class DescriptiveJson
{
    public static string Write(int rows, IReadOnlyList<VariableSummary> summaries, CorrelationMatrix? correlations,
        IReadOnlyList<(string Variable, double Vif)>? vif) => JsonContract.Document(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("rows", rows);
        WriteSummaries(w, summaries);
        if (correlations is not null) WriteCorrelationMatrix(w, correlations);
        if (vif is not null) WriteVif(w, vif);
        w.WriteEndObject();
    });

    /// <summary>"variables": one object per summary.</summary>
    public static void WriteSummaries(Utf8JsonWriter w, IReadOnlyList<VariableSummary> summaries)
    {
        w.WriteStartArray("variables");
        foreach (var s in summaries)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteNumber("n", s.N);
            JsonContract.Number(w, "mean", s.Mean);
            JsonContract.Number(w, "median", s.Median);
            JsonContract.Number(w, "sd", s.Sd);
            JsonContract.Number(w, "min", s.Min);
            JsonContract.Number(w, "max", s.Max);
            JsonContract.Number(w, "p25", s.P25);
            JsonContract.Number(w, "p75", s.P75);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>"vif": {"variable", "vif"} per variable, in the order given.</summary>
    public static void WriteVif(Utf8JsonWriter w, IReadOnlyList<(string Variable, double Vif)> vif)
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

    /// <summary>"correlations": {"variables", "r", "p_value", "n"}, each a full k x k matrix; the same block in
    /// <c>describe --json</c> and in a study's correlation table.</summary>
    public static void WriteCorrelationMatrix(Utf8JsonWriter w, CorrelationMatrix m)
    {
        int k = m.Variables.Count;
        w.WriteStartObject("correlations");
        JsonContract.Strings(w, "variables", m.Variables);
        foreach (var (name, value) in new (string, Func<int, int, double>)[] { ("r", (i, j) => m.R[i, j]), ("p_value", (i, j) => m.PValue[i, j]), ("n", (i, j) => m.Pairs[i, j]) })
        {
            w.WriteStartArray(name);
            for (int i = 0; i < k; i++)
            {
                w.WriteStartArray();
                for (int j = 0; j < k; j++) JsonContract.NumberValue(w, value(i, j));
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
