using System.Text.Json;
using Panelwise.Methods.Matching;
using Panelwise.Render.Terminal;

namespace Panelwise.Render.Json;

/// <summary>The --json contract of match: {"att": {"estimate", "std_error"}, "n_treated", "n_treated_matched",
/// "n_controls_used", "pscore": {...}, "balance": [...]} plus "method", "nobs" and "notes". "att" is null without an
/// outcome; its "std_error" ("std_error_method": "bootstrap" or "abadie-imbens") is absent, not zero, when not computed.
/// A study's matched column carries the settings and counts of its match under "match" (<see cref="WriteSample"/>).</summary>
public static class MatchJson
{
    public static string Write(MatchingResult r, MatchingSpec spec) => JsonContract.Document(w =>
    {
        w.WriteStartObject();
        w.WriteString("method", MatchText.MethodLabel(spec));
        w.WriteNumber("nobs", r.SampleRows.Length);
        if (spec.Outcome is null || !double.IsFinite(r.Att)) w.WriteNull("att");
        else
        {
            w.WriteStartObject("att");
            w.WriteString("outcome", spec.Outcome);
            w.WriteNumber("estimate", r.Att);
            if (double.IsFinite(r.AttStdError))
            {
                w.WriteNumber("std_error", r.AttStdError);
                w.WriteString("std_error_method", r.AttStdErrorMethod);
                if (r.BootstrapReps > 0)
                {
                    w.WriteNumber("bootstrap_reps", r.BootstrapReps);
                    w.WriteNumber("bootstrap_failed", r.BootstrapFailed);
                }
            }
            w.WriteEndObject();
        }
        w.WriteNumber("n_treated", r.Treated);
        w.WriteNumber("n_treated_matched", r.TreatedMatched);
        w.WriteNumber("n_controls_used", r.ControlsUsed);
        w.WriteNumber("n_treated_with_ties", r.TreatedWithTies);
        Pscore(w, r.Propensity, spec);
        w.WriteStartArray("balance");
        foreach (var b in r.Balance) Balance(w, b);
        w.WriteEndArray();
        JsonContract.Notes(w, r.Notes);
        w.WriteEndObject();
    });

    /// <summary>The "match" object of a study's matched column: the settings (score model, ratio, caliper, seed) and
    /// the counts of treated and controls matched.</summary>
    public static void WriteSample(Utf8JsonWriter w, MatchingSpec spec, MatchingCounts counts)
    {
        w.WriteStartObject("match");
        w.WriteString("treatment", spec.Treatment);
        JsonContract.Strings(w, "covariates", spec.Covariates);
        w.WriteString("score", ScoreModel(spec));
        w.WriteNumber("ratio", spec.Neighbours);
        if (spec.Caliper is { } caliper) w.WriteNumber("caliper", caliper);
        else w.WriteNull("caliper");
        w.WriteNumber("seed", spec.Seed);
        w.WriteNumber("treated", counts.Treated);
        w.WriteNumber("treated_matched", counts.TreatedMatched);
        w.WriteNumber("off_support", counts.OffSupport);
        w.WriteNumber("controls", counts.Controls);
        w.WriteNumber("controls_matched", counts.ControlsUsed);
        w.WriteEndObject();
    }

    private static string ScoreModel(MatchingSpec spec) => spec.Probit ? "probit" : "logit";

    private static void Pscore(Utf8JsonWriter w, PropensityFit f, MatchingSpec spec)
    {
        w.WriteStartObject("pscore");
        w.WriteString("model", ScoreModel(spec));
        w.WriteStartArray("coefficients");
        for (int j = 0; j < f.Names.Count; j++)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Names[j]);
            JsonContract.Number(w, "estimate", f.Coefficients[j]);
            JsonContract.Number(w, "std_error", f.StdErrors[j]);
            JsonContract.Number(w, "z", f.ZStatistic(j));
            JsonContract.Number(w, "p_value", f.PValue(j));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        JsonContract.Number(w, "log_likelihood", f.LogLikelihood);
        JsonContract.Number(w, "log_likelihood_null", f.NullLogLikelihood);
        JsonContract.Number(w, "pseudo_r2", f.PseudoR2);
        w.WriteNumber("iterations", f.Iterations);
        w.WriteEndObject();
    }

    private static void Balance(Utf8JsonWriter w, BalanceRow b)
    {
        w.WriteStartObject();
        w.WriteString("covariate", b.Covariate);
        JsonContract.Number(w, "mean_treated_before", b.MeanTreatedBefore);
        JsonContract.Number(w, "mean_control_before", b.MeanControlBefore);
        JsonContract.Number(w, "bias_before", b.BiasBefore);
        JsonContract.Number(w, "t_before", b.TBefore);
        JsonContract.Number(w, "p_before", b.PBefore);
        JsonContract.Number(w, "mean_treated_after", b.MeanTreatedAfter);
        JsonContract.Number(w, "mean_control_after", b.MeanControlAfter);
        JsonContract.Number(w, "bias_after", b.BiasAfter);
        JsonContract.Number(w, "t_after", b.TAfter);
        JsonContract.Number(w, "p_after", b.PAfter);
        JsonContract.Number(w, "bias_reduction", b.Reduction);
        w.WriteEndObject();
    }
}
