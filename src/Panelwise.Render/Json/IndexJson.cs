using System.Text.Json;
using Panelwise.Methods.Indices;

namespace Panelwise.Render.Json;

/// <summary>The --json contract of the index command: {"weights": [{"node", "indicator", "direction", "method", "e",
/// "d", "weight"}], "columns": [...], "notes": [...]}; keys in this order, null where a value does not apply.</summary>
public static class IndexJson
{
    /// <summary>"weights" as a study's index step lists them: {"node", "child", "method", "entropy" and "divergence"
    /// (entropy method only), "weight", "global_weight"}.</summary>
    public static void WriteWeightsWithGlobal(Utf8JsonWriter w, IReadOnlyList<WeightRow> weights)
    {
        w.WriteStartArray("weights");
        foreach (var row in weights)
        {
            w.WriteStartObject();
            w.WriteString("node", row.Node);
            w.WriteString("child", row.Child);
            w.WriteString("method", row.Method);
            if (row.Entropy is double e) JsonContract.Number(w, "entropy", e);
            if (row.Divergence is double d) JsonContract.Number(w, "divergence", d);
            JsonContract.Number(w, "weight", row.Weight);
            JsonContract.Number(w, "global_weight", row.GlobalWeight);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static string Write(IndexResult result) => JsonContract.Document(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("weights");
        foreach (var row in result.Weights)
        {
            w.WriteStartObject();
            w.WriteString("node", row.Node);
            w.WriteString("indicator", row.Child);
            if (row.Direction is null) w.WriteNull("direction"); else w.WriteString("direction", row.Direction);
            w.WriteString("method", row.Method);
            JsonContract.Number(w, "e", row.Entropy);
            JsonContract.Number(w, "d", row.Divergence);
            JsonContract.Number(w, "weight", row.Weight);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        JsonContract.Strings(w, "columns", result.Columns);
        JsonContract.Notes(w, result.Notes);
        w.WriteEndObject();
    });
}
