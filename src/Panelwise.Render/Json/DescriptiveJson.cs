using System.Text;
using System.Text.Json;
using Panelwise.Methods.Descriptive;

namespace Panelwise.Render.Json;

/// <summary>The describe command's --json document: {"rows", "variables": [...], "correlations", "vif"}, in the style
/// of the fit contract (snake_case, non-finite numbers as null).</summary>
public static class DescriptiveJson
{
    public static string Write(int rows, IReadOnlyList<VariableSummary> summaries, CorrelationMatrix? correlations,
        IReadOnlyList<(string Variable, double Vif)>? vif)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("rows", rows);
            WriteSummaries(w, summaries);
            if (correlations is not null) WriteCorrelations(w, correlations);
            if (vif is not null)
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
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

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

    private static void WriteCorrelations(Utf8JsonWriter w, CorrelationMatrix m)
    {
        int k = m.Variables.Count;
        w.WriteStartObject("correlations");
        w.WriteStartArray("variables");
        foreach (var v in m.Variables) w.WriteStringValue(v);
        w.WriteEndArray();
        foreach (var (name, value) in new (string, Func<int, int, double>)[] { ("r", (i, j) => m.R[i, j]), ("p_value", (i, j) => m.PValue[i, j]), ("n", (i, j) => m.Pairs[i, j]) })
        {
            w.WriteStartArray(name);
            for (int i = 0; i < k; i++)
            {
                w.WriteStartArray();
                for (int j = 0; j < k; j++)
                {
                    double x = value(i, j);
                    if (double.IsFinite(x)) w.WriteNumberValue(x); else w.WriteNullValue();
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
