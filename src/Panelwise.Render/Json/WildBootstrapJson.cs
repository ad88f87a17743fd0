using System.Text.Json;
using Panelwise.Inference.Bootstrap;

namespace Panelwise.Render.Json;

/// <summary>The top-level "wild_bootstrap" object of the JSON contract: one block beside "coefficients" rather than a
/// field per coefficient, so that the coefficient rows keep one shape whatever the options, and the bootstrap's
/// settings (reps, weights, seed, enumeration) are stated once.</summary>
internal static class WildBootstrapJson
{
    public static void Write(Utf8JsonWriter w, WildBootstrapResult b)
    {
        w.WriteStartObject("wild_bootstrap");
        w.WriteString("method", "WCR (wild cluster restricted, boottest): H0 beta = 0 imposed, symmetric p-value, 95% CI by test inversion");
        w.WriteNumber("reps", b.Reps);
        w.WriteString("weights", b.Weights == BootstrapWeights.Webb ? "webb" : "rademacher");
        w.WriteNumber("seed", b.Seed);
        w.WriteBoolean("enumerated", b.Enumerated);
        w.WriteString("cluster", b.Cluster);
        w.WriteNumber("clusters", b.Clusters);
        w.WriteStartArray("coefficients");
        foreach (var c in b.Coefficients)
        {
            w.WriteStartObject();
            w.WriteString("term", c.Term);
            JsonContract.Number(w, "p_value", c.PValue);
            JsonContract.Number(w, "conf_low", c.ConfLow);
            JsonContract.Number(w, "conf_high", c.ConfHigh);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
