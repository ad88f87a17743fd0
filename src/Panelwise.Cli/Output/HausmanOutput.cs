using System.Globalization;
using System.Text;
using System.Text.Json;
using Panelwise.Render.Json;
using Panelwise.Results;

namespace Panelwise.Cli.Output;

/// <summary>The hausman command's output: a JSON document in the fit contract's style (the test under
/// <c>tests.hausman</c>), or Stata's table of b, B, b-B and sqrt(diag(V_b-V_B)).</summary>
public static class HausmanOutput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Json(IReadOnlyList<HausmanResult> results)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (results.Count != 1) w.WriteStartArray();
            foreach (var r in results) Write(w, r);
            if (results.Count != 1) w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Text(HausmanResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Hausman test: fixed effects (b, consistent) against random effects (B, efficient)");
        sb.AppendLine($"Formula: {r.Consistent.Fit.Formula}");
        sb.AppendLine(Inv, $"Number of obs = {r.Consistent.Nobs}");
        int width = Math.Max(12, r.Rows.Max(x => x.Term.Length) + 1);
        sb.AppendLine($"{"".PadLeft(width)} | {"(b) fe",12} {"(B) re",12} {"(b-B)",12} {"sqrt(diag(V_b-V_B))",20}");
        foreach (var x in r.Rows)
            sb.AppendLine(Inv, $"{x.Term.PadLeft(width)} | {x.Consistent,12:G7} {x.Efficient,12:G7} {x.Difference,12:G7} {StdError(x.StdError),20}");
        sb.AppendLine(Inv, $"chi2({r.Test.Df}) = {r.Test.Statistic:F4}   Prob > chi2 = {r.Test.PValue:F4}");
        sb.AppendLine($"Convention: {r.Convention}");
        if (r.Test.Note is not null) sb.AppendLine($"Note: {r.Test.Note}");
        return sb.ToString();
    }

    /// <summary>sqrt(diag(V_b - V_B)) is missing where that diagonal is negative (V_b - V_B not positive definite, as the
    /// note says): printed as "." like Stata's hausman, never as NaN.</summary>
    private static string StdError(double value) => double.IsFinite(value) ? value.ToString("G7", Inv) : ".";

    private static void Write(Utf8JsonWriter w, HausmanResult r)
    {
        w.WriteStartObject();
        w.WriteString("model", "hausman");
        w.WriteString("formula", r.Consistent.Fit.Formula);
        w.WriteString("consistent", r.Consistent.Model);
        w.WriteString("efficient", r.Efficient.Model);
        w.WriteNumber("nobs", r.Consistent.Nobs);
        w.WriteStartArray("coefficients");
        foreach (var x in r.Rows)
        {
            w.WriteStartObject();
            w.WriteString("term", x.Term);
            JsonContract.Number(w, "consistent", x.Consistent);
            JsonContract.Number(w, "efficient", x.Efficient);
            JsonContract.Number(w, "difference", x.Difference);
            JsonContract.Number(w, "std_error", x.StdError);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("tests");
        JsonContract.WriteTest(w, "hausman", r.Test);
        w.WriteEndObject();
        w.WriteString("convention", r.Convention);
        w.WriteStartArray("notes");
        foreach (var n in r.Consistent.Notes.Concat(r.Efficient.Notes).Distinct()) w.WriteStringValue(n.Text);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
