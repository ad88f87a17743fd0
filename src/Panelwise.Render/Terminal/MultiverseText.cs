using System.Globalization;
using System.Text;
using Panelwise.Methods.Multiverse;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Terminal;

/// <summary>The text report of a multiverse: the curve's summary, then (up to <see cref="MaxListed"/> specifications)
/// one line per specification with the choices that vary.</summary>
public static class MultiverseText
{
    /// <summary>Longer multiverses are summarised only; the JSON and CSV outputs list every specification.</summary>
    public const int MaxListed = 60;

    public static string Write(MultiverseResult r)
    {
        var s = r.Summary;
        var sb = new StringBuilder();
        string terms = string.Join(", ", r.Estimates.Select(e => e.Term).Distinct(StringComparer.Ordinal));
        sb.AppendLine($"Multiverse: {s.SpecCount} specifications ({r.FitCount} model fits on {r.DesignCount} shared designs), coefficient of {terms}");
        sb.AppendLine($"  median estimate          {F(s.Median)}   (min {F(s.Min)}, max {F(s.Max)})");
        sb.AppendLine($"  share positive           {P(s.SharePositive)}");
        sb.AppendLine($"  share significant (5%)   {P(s.ShareSignificant05)}   (positive {P(s.ShareSignificantPositive05)}, negative {P(s.ShareSignificantNegative05)})");
        if (r.Baseline is { } b)
            sb.AppendLine($"  baseline                 spec {b.Spec.Number}: estimate {F(b.Estimate)} (p {F(b.PValue)}), rank {s.BaselineRank} of {s.SpecCount} (1 = smallest)");
        if (r.Joint is { } j)
            sb.AppendLine($"  joint test (H0: no effect; {j.DrawsUsed} of {j.Draws} bootstrap draws, seed {j.Seed}, resampling {j.ResampledBy ?? "rows"}):\n"
                + $"    median {F(j.Median)}: p = {F(j.MedianPValue)};  {j.SignificantCount} significant {(j.Direction > 0 ? "positive" : "negative")}: p = {F(j.SignificantPValue)}");
        var varying = MultiverseDimensions.All.Where(d => r.Estimates.Select(e => e.Spec.Choice(d)).Distinct().Count() > 1).ToList();
        if (r.Estimates.Count > MaxListed)
        {
            sb.AppendLine($"\n(the table of all {r.Estimates.Count} specifications is in the JSON and CSV outputs)");
            return sb.ToString();
        }
        var widths = varying.Select(d => Math.Max(d.Key().Length, r.Estimates.Max(e => e.Spec.Choice(d).Length))).ToList();
        sb.AppendLine();
        sb.Append("  spec");
        for (int i = 0; i < varying.Count; i++) sb.Append("  ").Append(varying[i].Key().PadRight(widths[i]));
        sb.AppendLine($"  {"estimate",12}  {"std. err.",12}  {"p",8}  {"nobs",7}");
        foreach (var e in r.Estimates)
        {
            sb.Append($"  {e.Spec.Number,4}");
            for (int i = 0; i < varying.Count; i++) sb.Append("  ").Append(e.Spec.Choice(varying[i]).PadRight(widths[i]));
            sb.AppendLine($"  {F(e.Estimate),12}  {F(e.StdError),12}  {StataFormat.Number(e.PValue, "F4"),8}  {e.Nobs,7}");
        }
        return sb.ToString();
    }

    private static string F(double v) => StataFormat.Number(v, "G6");

    private static string P(double share) => (100 * share).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
