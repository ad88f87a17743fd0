using System.Globalization;
using System.Text;
using Panelwise.Results;
using Panelwise.Inference;

namespace Panelwise.Render.Terminal;

/// <summary>The IV diagnostics below the coefficient table, in the order ivreg2 prints them.</summary>
public static class IvText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(IvDiagnostics iv, bool firstStage)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Instrumented: {string.Join(" ", iv.Endogenous)}   Excluded instruments: {string.Join(" ", iv.ExcludedInstruments)}");
        if (firstStage)
            foreach (var f in iv.FirstStage)
            {
                sb.AppendLine(Inv, $"First stage {f.Endogenous}: F({f.F.Df}, {f.F.Df2}) = {f.F.Statistic:F2} (p = {f.F.PValue:G4}), iid F = {f.FIid:F2}, partial R2 = {f.PartialR2:F4}, Shea partial R2 = {f.SheaPartialR2:F4}, SW F = {f.SandersonWindmeijerF.Statistic:F2}");
                foreach (var c in f.Coefficients)
                    sb.AppendLine(Inv, $"    {c.Term,-20} {c.Estimate,12:G7} ({c.StdError:G5})");
            }
        Line(sb, "Underidentification, Anderson canon. corr. LM", iv.AndersonLm);
        Line(sb, "Underidentification, Kleibergen-Paap rk LM", iv.KpRkLm);
        if (iv.CraggDonaldF is double cd) sb.AppendLine(Inv, $"Weak identification, Cragg-Donald Wald F = {cd:F3}");
        if (iv.KpRkWaldF is double kp) sb.AppendLine(Inv, $"Weak identification, Kleibergen-Paap rk Wald F = {kp:F3}");
        if (iv.StockYogo is { } sy)
            sb.AppendLine(Inv, $"Stock-Yogo 2SLS size critical values: 10% {sy.Size10:F2}, 15% {sy.Size15:F2}, 20% {sy.Size20:F2}, 25% {sy.Size25:F2}");
        Line(sb, "Overidentification, Sargan", iv.Sargan);
        Line(sb, "Overidentification, Hansen J", iv.HansenJ);
        Line(sb, $"Endogeneity of {string.Join(" ", iv.EndogeneityTested)}, C", iv.Endogeneity);
        if (iv.AndersonRubin is { } ar)
        {
            Line(sb, "Anderson-Rubin (H0: endogenous coefficients = 0), F", ar.F);
            if (ar.ConfidenceSet is { } set)
                sb.AppendLine(Inv, $"Anderson-Rubin {ar.Level * 100:G3}% confidence set: {(set.Count == 0 ? "empty" : string.Join(" U ", set.Select(s => Interval(s.Low, s.High))))}");
        }
        if (iv.LimlLambda is double l) sb.AppendLine(Inv, $"LIML lambda = {l:G8}");
        sb.AppendLine($"Conventions: {iv.Conventions}");
        return sb.ToString();
    }

    /// <summary>An Anderson-Rubin set may be unbounded (weak instruments): an infinite end is printed "-inf"/"+inf"
    /// with an open bracket, as Stata's weakiv, not as .NET's "Infinity".</summary>
    private static string Interval(double low, double high) =>
        (double.IsNegativeInfinity(low) ? "(-inf" : string.Create(Inv, $"[{low:G6}")) + ", "
        + (double.IsPositiveInfinity(high) ? "+inf)" : string.Create(Inv, $"{high:G6}]"));

    private static void Line(StringBuilder sb, string label, TestStatistic? t)
    {
        if (t is null) return;
        string df = t.Df2 is double d2 ? $"{t.Df}, {d2}" : $"{t.Df}";
        sb.AppendLine(Inv, $"{label}: {t.Distribution}({df}) = {t.Statistic:F4}   p = {t.PValue:G4}");
    }
}
