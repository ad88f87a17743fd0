using System.Text;
using System.Text.Json;
using Panelwise.Methods.Mediation;
using Panelwise.Methods.Resampling;

namespace Panelwise.Cli.Output;

/// <summary>The --json contract of mediate. One mediator: {"total", "a", "b", "direct", "indirect", "sobel", "aroian",
/// "goodman", "bootstrap", "share"} at the top level (plus "mediator", "nobs", "vcov", "notes"). Several: the same
/// object per mediator under "mediators" and the joint equation under "joint" (with "paths" and the summed "indirect").</summary>
internal static class MediationJson
{
    public static string Write(MediationResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("nobs", r.Nobs);
            w.WriteString("vcov", r.VcovConvention);
            if (r.Joint is null) Fields(w, r.Each[0], r.Resampling);
            else
            {
                w.WriteStartArray("mediators");
                foreach (var m in r.Each) { w.WriteStartObject(); Fields(w, m, r.Resampling); w.WriteEndObject(); }
                w.WriteEndArray();
                WriteJoint(w, r.Joint, r.Resampling);
            }
            w.WriteStartArray("notes");
            foreach (var n in r.Notes) w.WriteStringValue(n.Text);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Fields(Utf8JsonWriter w, MediatorResult m, string? resampling)
    {
        w.WriteString("mediator", m.Mediator);
        Path(w, "total", m.Total);
        Path(w, "a", m.A);
        Path(w, "b", m.B);
        Path(w, "direct", m.Direct);
        Path(w, "indirect", m.Indirect);
        Test(w, "sobel", m.Sobel);
        Test(w, "aroian", m.Aroian);
        Test(w, "goodman", m.Goodman);
        Bootstrap(w, m.Bootstrap, resampling);
        Number(w, "share", m.Share);
    }

    private static void WriteJoint(Utf8JsonWriter w, JointMediation j, string? resampling)
    {
        w.WriteStartObject("joint");
        Path(w, "total", j.Total);
        Path(w, "direct", j.Direct);
        w.WriteStartArray("paths");
        foreach (var p in j.Paths)
        {
            w.WriteStartObject();
            w.WriteString("mediator", p.Mediator);
            Path(w, "a", p.A);
            Path(w, "b", p.B);
            Path(w, "indirect", p.Indirect);
            Test(w, "sobel", p.Sobel);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Path(w, "indirect", j.Indirect);
        Test(w, "sobel", j.Sobel);
        Bootstrap(w, j.Bootstrap, resampling);
        Number(w, "share", j.Share);
        w.WriteEndObject();
    }

    private static void Path(Utf8JsonWriter w, string name, PathEstimate p)
    {
        w.WriteStartObject(name);
        Number(w, "estimate", p.Estimate);
        Number(w, "std_error", p.StdError);
        Number(w, "p_value", p.PValue);
        w.WriteEndObject();
    }

    private static void Test(Utf8JsonWriter w, string name, ProductTest t)
    {
        w.WriteStartObject(name);
        Number(w, "z", t.Z);
        Number(w, "p_value", t.PValue);
        w.WriteEndObject();
    }

    private static void Bootstrap(Utf8JsonWriter w, BootstrapInterval? b, string? resampling)
    {
        if (b is null) { w.WriteNull("bootstrap"); return; }
        w.WriteStartObject("bootstrap");
        w.WriteNumber("reps", b.Reps);
        Number(w, "ci_low", b.Low);
        Number(w, "ci_high", b.High);
        w.WriteString("method", "percentile");
        Number(w, "bc_ci_low", b.BiasCorrectedLow);
        Number(w, "bc_ci_high", b.BiasCorrectedHigh);
        Number(w, "std_error", b.StdError);
        w.WriteNumber("failed", b.Failed);
        w.WriteString("resampling", resampling);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }
}
