using System.Text.Json;
using Panelwise.Methods.Mediation;
using Panelwise.Methods.Resampling;

namespace Panelwise.Render.Json;

/// <summary>Mediation in the JSON contract, for <c>mediate --json</c> and a study's "mediation" block alike:
/// "nobs", "vcov", "resampling" (with a bootstrap), then per mediator {"mediator", "total", "a", "b", "direct",
/// "indirect", "sobel", "aroian", "goodman", "bootstrap", "share"} and, with several mediators, "joint" (with
/// "paths", each with its Sobel test, and the summed "indirect"). The command's document puts a single mediator's
/// fields at the top level and adds "notes"; the study block always lists "mediators".</summary>
public static class MediationJson
{
    /// <summary>The mediate command's document.</summary>
    public static string Write(MediationResult r) => JsonContract.Document(w =>
    {
        w.WriteStartObject();
        WriteFields(w, r, singleAtTop: true);
        JsonContract.Notes(w, r.Notes);
        w.WriteEndObject();
    });

    /// <summary>The "mediation" object of a study table.</summary>
    public static void WriteBlock(Utf8JsonWriter w, MediationResult r)
    {
        w.WriteStartObject("mediation");
        WriteFields(w, r, singleAtTop: false);
        w.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter w, MediationResult r, bool singleAtTop)
    {
        w.WriteNumber("nobs", r.Nobs);
        w.WriteString("vcov", r.VcovConvention);
        if (r.Resampling is { } resampling) w.WriteString("resampling", resampling);
        if (singleAtTop && r.Joint is null)
        {
            Mediator(w, r.Each[0], r.Resampling);
            return;
        }
        w.WriteStartArray("mediators");
        foreach (var m in r.Each)
        {
            w.WriteStartObject();
            Mediator(w, m, r.Resampling);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (r.Joint is { } joint) Joint(w, joint, r.Resampling);
    }

    private static void Mediator(Utf8JsonWriter w, MediatorResult m, string? resampling)
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
        JsonContract.Number(w, "share", m.Share);
    }

    private static void Joint(Utf8JsonWriter w, JointMediation j, string? resampling)
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
        JsonContract.Number(w, "share", j.Share);
        w.WriteEndObject();
    }

    private static void Path(Utf8JsonWriter w, string name, PathEstimate p)
    {
        w.WriteStartObject(name);
        JsonContract.Number(w, "estimate", p.Estimate);
        JsonContract.Number(w, "std_error", p.StdError);
        JsonContract.Number(w, "p_value", p.PValue);
        w.WriteEndObject();
    }

    private static void Test(Utf8JsonWriter w, string name, ProductTest t)
    {
        w.WriteStartObject(name);
        JsonContract.Number(w, "z", t.Z);
        JsonContract.Number(w, "p_value", t.PValue);
        w.WriteEndObject();
    }

    private static void Bootstrap(Utf8JsonWriter w, BootstrapInterval? b, string? resampling)
    {
        if (b is null)
        {
            w.WriteNull("bootstrap");
            return;
        }
        w.WriteStartObject("bootstrap");
        w.WriteNumber("reps", b.Reps);
        JsonContract.Number(w, "ci_low", b.Low);
        JsonContract.Number(w, "ci_high", b.High);
        w.WriteString("method", "percentile");
        JsonContract.Number(w, "bc_ci_low", b.BiasCorrectedLow);
        JsonContract.Number(w, "bc_ci_high", b.BiasCorrectedHigh);
        JsonContract.Number(w, "std_error", b.StdError);
        w.WriteNumber("failed", b.Failed);
        w.WriteString("resampling", resampling);
        w.WriteEndObject();
    }
}
