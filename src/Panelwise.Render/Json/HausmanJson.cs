using System.Text.Json;
using Panelwise.Results;

namespace Panelwise.Render.Json;

/// <summary>The hausman command's JSON document in the fit contract's style: b, B, b-B and sqrt(diag(V_b-V_B)) per
/// term, the test under <c>tests.hausman</c>; an array when there are several.</summary>
public static class HausmanJson
{
    public static string Write(IReadOnlyList<HausmanResult> results) => JsonContract.Document(w =>
    {
        if (results.Count != 1) w.WriteStartArray();
        foreach (var r in results) Write(w, r);
        if (results.Count != 1) w.WriteEndArray();
    });

    /// <summary>One test as a JSON object.</summary>
    public static void Write(Utf8JsonWriter w, HausmanResult r)
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
        JsonContract.Notes(w, r.Consistent.Notes.Concat(r.Efficient.Notes).Select(n => n.Text).Distinct());
        w.WriteEndObject();
    }
}
