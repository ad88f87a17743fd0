using System.Globalization;
using System.Text;
using Panelwise.Methods.Mediation;

namespace Panelwise.Render.Terminal;

/// <summary>The text report of mediate: the paths, the indirect-effect tests and the share, per mediator.</summary>
public static class MediationText
{
    public static string Write(MediationResult r, MediationSpec spec)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Mediation: {spec.Treatment} -> M -> {spec.Outcome}    Number of obs = {r.Nobs}");
        sb.AppendLine($"Std. errors: {r.VcovConvention}");
        foreach (var m in r.Each) Mediator(sb, m, $"Mediator {m.Mediator}");
        if (r.Joint is { } j)
        {
            sb.AppendLine($"\nAll mediators jointly: total {F(j.Total.Estimate)}, direct {F(j.Direct.Estimate)} (p {F(j.Direct.PValue)})");
            foreach (var p in j.Paths) sb.AppendLine($"  {p.Mediator,-20} a*b = {F(p.Indirect.Estimate)}  Sobel z = {F(p.Sobel.Z)}  p = {F(p.Sobel.PValue)}");
            sb.AppendLine($"  {"sum",-20} a*b = {F(j.Indirect.Estimate)}  se = {F(j.Indirect.StdError)}  z = {F(j.Sobel.Z)}  p = {F(j.Sobel.PValue)}  share = {F(j.Share)}");
            if (j.Bootstrap is { } b)
                sb.AppendLine($"  bootstrap ({b.Reps} reps, {r.Resampling}): percentile [{F(b.Low)}, {F(b.High)}], bias-corrected [{F(b.BiasCorrectedLow)}, {F(b.BiasCorrectedHigh)}]");
        }
        sb.Append(NoteLines.Of(r.Notes));
        return sb.ToString();
    }

    private static void Mediator(StringBuilder sb, MediatorResult m, string title)
    {
        sb.AppendLine($"\n{title}");
        sb.AppendLine($"  {"path",-24}{"estimate",14}{"std. err.",14}{"p",14}");
        foreach (var (name, p) in new[] { ("total effect c (Y~X)", m.Total), ("a (M~X)", m.A), ("b (Y~M|X)", m.B), ("direct c' (Y~X|M)", m.Direct), ("indirect a*b", m.Indirect) })
            sb.AppendLine($"  {name,-24}{F(p.Estimate),14}{F(p.StdError),14}{F(p.PValue),14}");
        sb.AppendLine($"  Sobel z = {F(m.Sobel.Z)} (p {F(m.Sobel.PValue)}); Aroian z = {F(m.Aroian.Z)} (p {F(m.Aroian.PValue)}); Goodman z = {F(m.Goodman.Z)} (p {F(m.Goodman.PValue)})");
        sb.AppendLine($"  share mediated (a*b/c) = {F(m.Share)}");
        if (m.Bootstrap is { } b)
            sb.AppendLine($"  bootstrap ({b.Reps} reps): percentile 95% CI [{F(b.Low)}, {F(b.High)}], bias-corrected [{F(b.BiasCorrectedLow)}, {F(b.BiasCorrectedHigh)}]");
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : ".";
}
