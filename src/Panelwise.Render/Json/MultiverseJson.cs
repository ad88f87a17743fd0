using System.Text.Json;
using Panelwise.Methods.Multiverse;

namespace Panelwise.Render.Json;

/// <summary>A multiverse in the JSON contract (issue 18): "specs", one object per specification in enumeration
/// order {"spec", "y", "x", "controls", "fe", "vcov", "sample", "term", "estimate", "std_error", "p_value",
/// "conf_low", "conf_high", "nobs"}, and "summary" {"n_specs", "n_fits", "n_designs", "median", "min", "max", "share_positive",
/// "share_significant_05", "share_significant_positive_05", "share_significant_negative_05"} with "baseline"
/// {"spec", "rank"} when one is marked (rank 1 = smallest estimate); with the joint test, "joint_test" {"draws",
/// "draws_used", "seed", "resampled_by", "direction", "median", "median_p_value", "n_significant",
/// "n_significant_p_value"} (Simonsohn et al.'s bootstrap under the null).</summary>
public static class MultiverseJson
{
    /// <summary>The multiverse command's document.</summary>
    public static string Write(MultiverseResult r) => JsonContract.Document(w =>
    {
        w.WriteStartObject();
        WriteFields(w, r);
        w.WriteEndObject();
    });

    /// <summary>The specs and summary of <paramref name="r"/> into an open object.</summary>
    public static void WriteFields(Utf8JsonWriter w, MultiverseResult r)
    {
        w.WriteStartArray("specs");
        foreach (var e in r.Estimates)
        {
            w.WriteStartObject();
            w.WriteNumber("spec", e.Spec.Number);
            foreach (var d in r.Spec.Used()) w.WriteString(d.Key(), e.Spec.Choice(d));
            w.WriteString("term", e.Term);
            JsonContract.Number(w, "estimate", e.Estimate);
            JsonContract.Number(w, "std_error", e.StdError);
            JsonContract.Number(w, "p_value", e.PValue);
            JsonContract.Number(w, "conf_low", e.ConfLow);
            JsonContract.Number(w, "conf_high", e.ConfHigh);
            w.WriteNumber("nobs", e.Nobs);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var s = r.Summary;
        w.WriteStartObject("summary");
        w.WriteNumber("n_specs", s.SpecCount);
        w.WriteNumber("n_fits", r.FitCount);
        w.WriteNumber("n_designs", r.DesignCount);
        JsonContract.Number(w, "median", s.Median);
        JsonContract.Number(w, "min", s.Min);
        JsonContract.Number(w, "max", s.Max);
        JsonContract.Number(w, "share_positive", s.SharePositive);
        JsonContract.Number(w, "share_significant_05", s.ShareSignificant05);
        JsonContract.Number(w, "share_significant_positive_05", s.ShareSignificantPositive05);
        JsonContract.Number(w, "share_significant_negative_05", s.ShareSignificantNegative05);
        if (s.BaselineNumber is { } b)
        {
            w.WriteStartObject("baseline");
            w.WriteNumber("spec", b);
            w.WriteNumber("rank", s.BaselineRank!.Value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        if (r.Joint is { } j)
        {
            w.WriteStartObject("joint_test");
            w.WriteNumber("draws", j.Draws);
            w.WriteNumber("draws_used", j.DrawsUsed);
            w.WriteNumber("seed", j.Seed);
            if (j.ResampledBy is { } unit) w.WriteString("resampled_by", unit); else w.WriteNull("resampled_by");
            w.WriteString("direction", j.Direction > 0 ? "positive" : "negative");
            JsonContract.Number(w, "median", j.Median);
            JsonContract.Number(w, "median_p_value", j.MedianPValue);
            w.WriteNumber("n_significant", j.SignificantCount);
            JsonContract.Number(w, "n_significant_p_value", j.SignificantPValue);
            w.WriteEndObject();
        }
    }
}
