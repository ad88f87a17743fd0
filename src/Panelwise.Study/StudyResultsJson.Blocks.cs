using System.Text.Json;
using Panelwise.Methods.Mediation;
using Panelwise.Methods.Resampling;
using Panelwise.Render.Json;

namespace Panelwise.Study;

/// <summary>The blocks of results.json that belong to particular table kinds: a heterogeneity table's tests, a matched
/// column's counts, and a mediation table's estimates (each mediator alone and, with several, jointly).</summary>
internal static partial class StudyResultsJson
{
    private static void WriteComparison(Utf8JsonWriter w, ComparisonSummary c)
    {
        w.WriteStartObject("comparison");
        w.WriteString("by", c.By);
        if (c.Coefficient is { } coefficient) w.WriteString("coefficient", coefficient);
        else w.WriteNull("coefficient");
        w.WriteString("test", c.Test);
        w.WriteString("pairing", c.Pairing);
        w.WriteStartArray("groups");
        foreach (var g in c.Groups)
        {
            w.WriteStartObject();
            w.WriteString("level", g.Level);
            w.WriteString("title", g.Title);
            w.WriteNumber("column", g.Column);
            w.WriteNumber("nobs", g.Nobs);
            w.WriteStartArray("compared");
            w.WriteStringValue(g.Test.Groups.A);
            w.WriteStringValue(g.Test.Groups.B);
            w.WriteEndArray();
            JsonContract.Number(w, "statistic", g.Test.Statistic);
            JsonContract.Number(w, "df", g.Test.Df);
            JsonContract.Number(w, "df2", g.Test.Df2);
            JsonContract.Number(w, "p_value", g.Test.PValue);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMatch(Utf8JsonWriter w, MatchedSample m)
    {
        w.WriteStartObject("match");
        w.WriteString("treatment", m.Spec.Treatment);
        w.WriteStartArray("covariates");
        foreach (var c in m.Spec.Covariates) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteString("score", "logit");
        w.WriteNumber("ratio", m.Spec.Neighbours);
        if (m.Spec.Caliper is { } caliper) w.WriteNumber("caliper", caliper);
        else w.WriteNull("caliper");
        w.WriteNumber("seed", m.Spec.Seed);
        w.WriteNumber("treated", m.Treated);
        w.WriteNumber("treated_matched", m.TreatedMatched);
        w.WriteNumber("off_support", m.OffSupport);
        w.WriteNumber("controls", m.Controls);
        w.WriteNumber("controls_matched", m.ControlsUsed);
        w.WriteEndObject();
    }

    private static void WriteMediation(Utf8JsonWriter w, MediationResult r)
    {
        w.WriteStartObject("mediation");
        w.WriteNumber("nobs", r.Nobs);
        w.WriteString("vcov", r.VcovConvention);
        if (r.Resampling is { } resampling) w.WriteString("resampling", resampling);
        w.WriteStartArray("mediators");
        foreach (var e in r.Each)
        {
            w.WriteStartObject();
            w.WriteString("mediator", e.Mediator);
            PathBlock(w, "total", e.Total);
            PathBlock(w, "a", e.A);
            PathBlock(w, "b", e.B);
            PathBlock(w, "direct", e.Direct);
            PathBlock(w, "indirect", e.Indirect);
            Test(w, "sobel", e.Sobel);
            Bootstrap(w, e.Bootstrap);
            JsonContract.Number(w, "share", e.Share);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (r.Joint is { } j)
        {
            w.WriteStartObject("joint");
            PathBlock(w, "total", j.Total);
            PathBlock(w, "direct", j.Direct);
            w.WriteStartArray("paths");
            foreach (var p in j.Paths)
            {
                w.WriteStartObject();
                w.WriteString("mediator", p.Mediator);
                PathBlock(w, "a", p.A);
                PathBlock(w, "b", p.B);
                PathBlock(w, "indirect", p.Indirect);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            PathBlock(w, "indirect", j.Indirect);
            Test(w, "sobel", j.Sobel);
            Bootstrap(w, j.Bootstrap);
            JsonContract.Number(w, "share", j.Share);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void PathBlock(Utf8JsonWriter w, string name, PathEstimate p)
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

    private static void Bootstrap(Utf8JsonWriter w, BootstrapInterval? b)
    {
        if (b is null)
        {
            w.WriteNull("bootstrap");
            return;
        }
        w.WriteStartObject("bootstrap");
        w.WriteNumber("reps", b.Reps);
        w.WriteNumber("failed", b.Failed);
        JsonContract.Number(w, "ci_low", b.Low);
        JsonContract.Number(w, "ci_high", b.High);
        w.WriteString("method", "percentile");
        JsonContract.Number(w, "bc_ci_low", b.BiasCorrectedLow);
        JsonContract.Number(w, "bc_ci_high", b.BiasCorrectedHigh);
        JsonContract.Number(w, "std_error", b.StdError);
        w.WriteEndObject();
    }
}
