using System.Text;
using System.Text.Json;
using Panelwise.Render.Json;
using Panelwise.Methods.GroupComparison;

namespace Panelwise.Cli.Output;

/// <summary>The --json contract of compare: {"groups": [{"group", "nobs", "coefficients": [...]}], "tests": [{"test",
/// "coefficient" (absent for Chow), "groups": [a, b], "statistic", "df", "p_value"}]} (Chow adds "df2"), plus "notes".</summary>
internal static class ComparisonJson
{
    public static string Write(ComparisonResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("groups");
            foreach (var g in r.Groups)
            {
                w.WriteStartObject();
                w.WriteString("group", g.Group);
                w.WriteNumber("nobs", g.Result.Nobs);
                w.WriteString("vcov", g.Result.Vcov.Convention);
                JsonContract.WriteCoefficients(w, g.Result.Coefficients, interval: false);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("tests");
            foreach (var t in r.Tests)
            {
                w.WriteStartObject();
                w.WriteString("test", t.Test);
                if (t.Coefficient is not null) w.WriteString("coefficient", t.Coefficient);
                w.WriteStartArray("groups");
                w.WriteStringValue(t.Groups.A);
                w.WriteStringValue(t.Groups.B);
                w.WriteEndArray();
                Number(w, "statistic", t.Statistic);
                Number(w, "df", t.Df);
                if (!double.IsNaN(t.Df2)) Number(w, "df2", t.Df2);
                Number(w, "p_value", t.PValue);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var n in r.Notes.Select(n => n.Text).Concat(r.Groups.SelectMany(g => g.Result.Notes.Select(n => $"{g.Group}: {n}")))) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }
}
