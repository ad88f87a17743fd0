using System.Text.Json;
using Panelwise.Methods.Indices;

namespace Panelwise.Render.Json;

/// <summary>The --json contract of the index command: {"weights": [{"node", "indicator", "direction", "method", "e",
/// "d", "weight", "global_weight"}], "columns": [...], "notes": [...]}; keys in this order, null where a value does not
/// apply.</summary>
public static class IndexJson
{
    /// <summary>"weights": one {"node", "indicator", "direction", "method", "e", "d", "weight", "global_weight"} per
    /// child of a node (an indicator or a sub-index), null where a value does not apply (e and d: entropy method only;
    /// direction: sub-indices). The same block in <c>index --json</c> and in a study's data_handling.</summary>
    public static void WriteWeights(Utf8JsonWriter w, IReadOnlyList<WeightRow> weights)
    {
        w.WriteStartArray("weights");
        foreach (var row in weights)
        {
            w.WriteStartObject();
            w.WriteString("node", row.Node);
            w.WriteString("indicator", row.Child);
            if (row.Direction is null) w.WriteNull("direction"); else w.WriteString("direction", row.Direction);
            w.WriteString("method", row.Method);
            JsonContract.Number(w, "e", row.Entropy);
            JsonContract.Number(w, "d", row.Divergence);
            JsonContract.Number(w, "weight", row.Weight);
            JsonContract.Number(w, "global_weight", row.GlobalWeight);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static string Write(IndexResult result) => JsonContract.Document(w =>
    {
        w.WriteStartObject();
        WriteWeights(w, result.Weights);
        JsonContract.Strings(w, "columns", result.Columns);
        JsonContract.Notes(w, result.Notes);
        w.WriteEndObject();
    });
}
