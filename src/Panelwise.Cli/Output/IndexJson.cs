using System.Text;
using System.Text.Json;
using Panelwise.Methods.Indices;

namespace Panelwise.Cli.Output;

/// <summary>The --json contract of the index command: {"weights": [{"node", "indicator", "direction", "method", "e",
/// "d", "weight"}], "columns": [...], "notes": [...]}; keys in this order, null where a value does not apply.</summary>
public static class IndexJson
{
    public static string Write(IndexResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
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
                Number(w, "e", row.Entropy);
                Number(w, "d", row.Divergence);
                Number(w, "weight", row.Weight);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("columns");
            foreach (var c in result.Columns) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var n in result.Notes) w.WriteStringValue(n.Text);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
