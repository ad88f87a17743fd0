using System.Globalization;
using System.Text;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;
using Panelwise.Results;

namespace Panelwise.Render.Terminal;

/// <summary>The hausman command's text report: Stata's table of b, B, b-B and sqrt(diag(V_b-V_B)), the test and the
/// convention.</summary>
public static class HausmanText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(HausmanResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Hausman test: fixed effects (b, consistent) against random effects (B, efficient)");
        sb.AppendLine($"Formula: {r.Consistent.Fit.Formula}");
        sb.AppendLine(Inv, $"Number of obs = {r.Consistent.Nobs}");
        int width = Math.Max(12, r.Rows.Max(x => x.Term.Length) + 1);
        sb.Append(FixedWidthTableWriter.Write(HausmanTableBuilder.Build(r),
            new FixedWidthLayout([new(width), new(12, Before: " | "), new(12, Before: " "), new(12, Before: " "), new(20, Before: " ")])));
        sb.AppendLine(Inv, $"chi2({r.Test.Df}) = {r.Test.Statistic:F4}   Prob > chi2 = {r.Test.PValue:F4}");
        sb.AppendLine($"Convention: {r.Convention}");
        if (r.Test.Note is not null) sb.Append(NoteLines.Line(r.Test.Note));
        return sb.ToString();
    }
}
