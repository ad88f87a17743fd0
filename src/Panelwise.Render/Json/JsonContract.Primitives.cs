using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Panelwise.Render.Json;

/// <summary>The primitives every JSON document of Panelwise is written with, so the CLI's documents and the study's
/// results.json spell numbers, degrees of freedom, lists and notes the same way: indented UTF-8 with CJK text kept
/// as is, non-finite numbers as null, "df" as a number or [df1, df2].</summary>
public static partial class JsonContract
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One JSON document written by <paramref name="body"/>, as text (no trailing newline).</summary>
    public static string Document(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options)) body(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Non-finite numbers are not JSON: they are written as null.</summary>
    public static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    /// <summary>A value that may not apply: null when absent or non-finite.</summary>
    public static void Number(Utf8JsonWriter w, string name, double? value) => Number(w, name, value ?? double.NaN);

    /// <summary>An array element: null when non-finite.</summary>
    public static void NumberValue(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value)) w.WriteNumberValue(value);
        else w.WriteNullValue();
    }

    public static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) NumberValue(w, v);
        w.WriteEndArray();
    }

    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>"notes": the result's notes as text, in order. The one place notes become JSON.</summary>
    public static void Notes(Utf8JsonWriter w, IEnumerable<string> notes) => Strings(w, "notes", notes);

    /// <summary>"notes" as their texts (the kind and code stay in the library's typed notes).</summary>
    public static void Notes(Utf8JsonWriter w, IEnumerable<Note> notes) => Strings(w, "notes", notes.Select(n => n.Text));

    /// <summary>"df": a number for chi2/t/z statistics, [df1, df2] for F statistics.</summary>
    public static void Df(Utf8JsonWriter w, double df, double? df2)
    {
        if (df2 is not double d2)
        {
            Number(w, "df", df);
            return;
        }
        w.WriteStartArray("df");
        w.WriteNumberValue(df);
        w.WriteNumberValue(d2);
        w.WriteEndArray();
    }
}
