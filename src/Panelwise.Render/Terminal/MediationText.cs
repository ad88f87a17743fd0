using System.Text;
using Panelwise.Methods.Mediation;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;

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

    private static readonly FixedWidthLayout PathLayout = new([new(24, LeftAligned: true, Before: "  "), new(14), new(14), new(14)]);

    private static void Mediator(StringBuilder sb, MediatorResult m, string title)
    {
        sb.AppendLine($"\n{title}");
        sb.Append(FixedWidthTableWriter.Write(MediationPathTableBuilder.Build(m), PathLayout));
        sb.AppendLine($"  Sobel z = {F(m.Sobel.Z)} (p {F(m.Sobel.PValue)}); Aroian z = {F(m.Aroian.Z)} (p {F(m.Aroian.PValue)}); Goodman z = {F(m.Goodman.Z)} (p {F(m.Goodman.PValue)})");
        sb.AppendLine($"  share mediated (a*b/c) = {F(m.Share)}");
        if (m.Bootstrap is { } b)
            sb.AppendLine($"  bootstrap ({b.Reps} reps): percentile 95% CI [{F(b.Low)}, {F(b.High)}], bias-corrected [{F(b.BiasCorrectedLow)}, {F(b.BiasCorrectedHigh)}]");
    }

    private static string F(double v) => StataFormat.Number(v, "G6");
}
