using System.Text;
using System.Text.Json;
using Panelwise.Inference;
using Panelwise.Methods.Matching;

namespace Panelwise.Cli.Output;

/// <summary>The --json contract of match: {"att": {"estimate", "std_error"}, "n_treated", "n_treated_matched",
/// "n_controls_used", "pscore": {...}, "balance": [...]} plus "method", "nobs" and "notes". "att" is null without an
/// outcome; its "std_error" ("std_error_method": "bootstrap" or "abadie-imbens") is absent, not zero, when not computed.</summary>
internal static class MatchJson
{
    public static string Write(MatchingResult r, MatchingSpec spec)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("method", MatchTable.MethodLabel(spec));
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
            Pscore(w, r.Propensity, spec.Probit);
            w.WriteStartArray("balance");
            foreach (var b in r.Balance) Balance(w, b);
            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var n in r.Notes) w.WriteStringValue(n.Text);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Pscore(Utf8JsonWriter w, PropensityFit f, bool probit)
    {
        w.WriteStartObject("pscore");
        w.WriteString("model", probit ? "probit" : "logit");
        w.WriteStartArray("coefficients");
        for (int j = 0; j < f.Names.Count; j++)
        {
            double z = f.Coefficients[j] / f.StdErrors[j];
            w.WriteStartObject();
            w.WriteString("name", f.Names[j]);
            Number(w, "estimate", f.Coefficients[j]);
            Number(w, "std_error", f.StdErrors[j]);
            Number(w, "z", z);
            Number(w, "p_value", TailProbability.NormalTwoSided(z));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Number(w, "log_likelihood", f.LogLikelihood);
        Number(w, "log_likelihood_null", f.NullLogLikelihood);
        Number(w, "pseudo_r2", f.PseudoR2);
        w.WriteNumber("iterations", f.Iterations);
        w.WriteEndObject();
    }

    private static void Balance(Utf8JsonWriter w, BalanceRow b)
    {
        w.WriteStartObject();
        w.WriteString("covariate", b.Covariate);
        Number(w, "mean_treated_before", b.MeanTreatedBefore);
        Number(w, "mean_control_before", b.MeanControlBefore);
        Number(w, "bias_before", b.BiasBefore);
        Number(w, "t_before", b.TBefore);
        Number(w, "p_before", b.PBefore);
        Number(w, "mean_treated_after", b.MeanTreatedAfter);
        Number(w, "mean_control_after", b.MeanControlAfter);
        Number(w, "bias_after", b.BiasAfter);
        Number(w, "t_after", b.TAfter);
        Number(w, "p_after", b.PAfter);
        Number(w, "bias_reduction", b.Reduction);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }
}
