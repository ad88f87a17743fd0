using Panelwise.Estimation;
using System.Text.Json;
using Panelwise.Inference;
using Panelwise.Results;

namespace Panelwise.Render.Json;

/// <summary>The --json contract of the fit command, mapped in this one place: snake_case keys, numbers as
/// round-trip doubles, statistics that do not apply left out rather than written as zero. Shared by the CLI and the
/// study runner's results.json, so both describe an estimate in the same words.</summary>
public static partial class JsonContract
{
    public static string Write(IReadOnlyList<RegressionResult> results, bool firstStage = false)
    {
        return Document(w =>
        {
            if (results.Count == 1) WriteResult(w, results[0], firstStage);
            else
            {
                w.WriteStartArray();
                foreach (var r in results) WriteResult(w, r, firstStage);
                w.WriteEndArray();
            }
        });
    }

    /// <summary>"coefficients": rows of term, estimate, std_error, statistic, p_value (and the 95% interval when asked).</summary>
    public static void WriteCoefficients(Utf8JsonWriter w, IEnumerable<CoefficientRow> rows, bool interval)
    {
        w.WriteStartArray("coefficients");
        foreach (var c in rows)
        {
            w.WriteStartObject();
            w.WriteString("term", c.Term);
            Number(w, "estimate", c.Estimate);
            Number(w, "std_error", c.StdError);
            Number(w, "statistic", c.Statistic);
            Number(w, "p_value", c.PValue);
            if (interval)
            {
                Number(w, "conf_low", c.ConfLow);
                Number(w, "conf_high", c.ConfHigh);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>One result as a JSON object, for documents that hold results among other things.</summary>
    public static void WriteResult(Utf8JsonWriter w, RegressionResult r, bool firstStage = false)
    {
        w.WriteStartObject();
        w.WriteString("model", r.Model);
        w.WriteString("formula", r.Fit.Formula);
        w.WriteString("response", r.Fit.ResponseName);
        w.WriteNumber("nobs", r.Nobs);
        if (r.Groups is int groups) w.WriteNumber("groups", groups);
        w.WriteNumber("df_resid", r.DfResidual);
        WriteVcov(w, r.Vcov);
        WriteCoefficients(w, r.Coefficients, interval: true);
        Strings(w, "omitted", r.Fit.DroppedTerms);
        if (r.Fit.FixedEffects.Count > 0)
        {
            w.WriteStartObject("fixed_effects");
            foreach (var fe in r.Fit.FixedEffects) w.WriteNumber(fe.Name, fe.Levels);
            w.WriteEndObject();
        }
        Number(w, "r2", r.R2);
        Number(w, "adj_r2", r.AdjR2);
        if (r.R2Within is double rw) Number(w, "r2_within", rw);
        if (r.AdjR2Within is double arw) Number(w, "adj_r2_within", arw);
        Number(w, "rmse", r.Rmse);
        Number(w, "ssr", r.Ssr);
        w.WriteStartObject("tests");
        if (r.FTest is { } f)
        {
            w.WriteStartObject(r.Vcov.IsNormal ? "wald" : "f");
            Number(w, "statistic", r.Vcov.IsNormal ? f.ChiSquared : f.Statistic);
            Df(w, f.Df1, r.Vcov.IsNormal ? null : f.Df2);
            Number(w, "p_value", f.PValue);
            w.WriteString("distribution", r.Vcov.IsNormal ? "chi2" : "F");
            w.WriteEndObject();
        }
        foreach (var (name, t) in r.Tests) WriteTest(w, name, t);
        w.WriteEndObject();
        if (r.Components is { } comp) WriteComponents(w, comp);
        if (r.WildBootstrap is { } boot) WildBootstrapJson.Write(w, boot);
        if (r.Iv is { } iv) IvJson.Write(w, iv, firstStage);
        if (r.Fit.AbsorbReport is { } a)
        {
            w.WriteStartObject("absorb");
            w.WriteString("method", a.Method);
            w.WriteNumber("iterations", a.Iterations);
            w.WriteBoolean("converged", a.Converged);
            Number(w, "achieved_tolerance", a.AchievedTolerance);
            if (a.EstimatedError is double err) Number(w, "estimated_error", err);
            var effects = AbsorbedEffectsSummary.Of(r.Fit.FixedEffects);
            if (effects.MobilityGroups is int mobility) w.WriteNumber("mobility_groups", mobility);
            if (effects.GraphComponents is int components) w.WriteNumber("graph_components", components);
            w.WriteNumber("absorbed_dof", effects.AbsorbedDof);
            w.WriteBoolean("absorbed_dof_exact", effects.AbsorbedDofExact);
            w.WriteEndObject();
        }
        if (r.Engine is { } engine)
        {
            w.WriteStartObject("engine");
            w.WriteString("engine", engine.Engine);
            w.WriteNumber("passes", engine.Passes);
            w.WriteNumber("rows_scanned", engine.RowsScanned);
            w.WriteNumber("bytes_fetched", engine.BytesFetched);
            w.WriteString("path", engine.Path);
            w.WriteNumber("shards", engine.Shards);
            w.WriteEndObject();
        }
        w.WriteString("solver", r.Fit.SolverMethod);
        Notes(w, r.Notes);
        w.WriteEndObject();
    }

    private static void WriteVcov(Utf8JsonWriter w, VcovResult v)
    {
        w.WriteStartObject("vcov");
        w.WriteString("type", v.Spec.Family);
        if (v.Lag is int lag) w.WriteNumber("lag", lag);
        if (v.Clusters.Count > 0)
        {
            w.WriteStartObject("clusters");
            foreach (var (name, g) in v.Clusters) w.WriteNumber(name, g);
            w.WriteEndObject();
        }
        if (v.IsNormal) w.WriteNull("df");
        else Number(w, "df", v.DfResidual);
        w.WriteString("distribution", v.IsNormal ? "z" : "t");
        // "small": Stata's small-sample conventions (the default); "large_sample": ivreg2/ivregress without small (--no-small).
        w.WriteString("conventions", v.Spec.Small ? "small" : "large_sample");
        w.WriteString("convention", v.Convention);
        w.WriteEndObject();
    }

    /// <summary>A test as {"statistic", "df", "p_value", "distribution", "note" (when it has one)}.</summary>
    public static void WriteTest(Utf8JsonWriter w, string name, TestStatistic t)
    {
        w.WriteStartObject(name);
        WriteTestFields(w, t);
        w.WriteEndObject();
    }

    /// <summary>The fields of <see cref="WriteTest"/>, for an object that adds its own (IV's endogeneity "variables").</summary>
    public static void WriteTestFields(Utf8JsonWriter w, TestStatistic t)
    {
        Number(w, "statistic", t.Statistic);
        Df(w, t.Df, t.Df2);
        Number(w, "p_value", t.PValue);
        w.WriteString("distribution", t.Distribution);
        if (t.Note is not null) w.WriteString("note", t.Note.Text);
    }

    private static void WriteComponents(Utf8JsonWriter w, ModelComponents c)
    {
        w.WriteStartObject("components");
        Optional(w, "sigma_u", c.SigmaU);
        Optional(w, "sigma_e", c.SigmaE);
        Optional(w, "rho", c.Rho);
        Optional(w, "theta", c.Theta);
        if (c.ThetaSummary is { } t)
        {
            w.WriteStartObject("theta_summary");
            Number(w, "min", t.Min);
            Number(w, "p5", t.P5);
            Number(w, "median", t.Median);
            Number(w, "p95", t.P95);
            Number(w, "max", t.Max);
            w.WriteEndObject();
        }
        Optional(w, "r2_within", c.R2Within);
        Optional(w, "r2_between", c.R2Between);
        Optional(w, "r2_overall", c.R2Overall);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v) Number(w, name, v);
    }
}
