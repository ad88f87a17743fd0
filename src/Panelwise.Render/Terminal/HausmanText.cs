using System.Globalization;
using System.Text;
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
        sb.AppendLine($"{"".PadLeft(width)} | {"(b) fe",12} {"(B) re",12} {"(b-B)",12} {"sqrt(diag(V_b-V_B))",20}");
        foreach (var x in r.Rows)
            sb.AppendLine(Inv, $"{x.Term.PadLeft(width)} | {x.Consistent,12:G7} {x.Efficient,12:G7} {x.Difference,12:G7} {StdError(x.StdError),20}");
        sb.AppendLine(Inv, $"chi2({r.Test.Df}) = {r.Test.Statistic:F4}   Prob > chi2 = {r.Test.PValue:F4}");
        sb.AppendLine($"Convention: {r.Convention}");
        if (r.Test.Note is not null) sb.Append(NoteLines.Line(r.Test.Note));
        return sb.ToString();
    }

    /// <summary>sqrt(diag(V_b - V_B)) is missing where that diagonal is negative (V_b - V_B not positive definite, as the
    /// note says): printed as "." like Stata's hausman, never as NaN.</summary>
    private static string StdError(double value) => double.IsFinite(value) ? value.ToString("G7", Inv) : ".";
}
