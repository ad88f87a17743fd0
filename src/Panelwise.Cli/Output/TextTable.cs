using System.Globalization;
using System.Text;
using Panelwise.Results;

namespace Panelwise.Cli.Output;

/// <summary>A readable regression table in the layout Stata users know (coefficient, SE, t, P>|t|, 95% CI).</summary>
public static class TextTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(RegressionResult r)
    {
        var sb = new StringBuilder();
        string method = r.Iv is { } iv ? $"IV ({iv.Estimator})" : "OLS";
        string title = r.Fit.FixedEffects.Count > 0
            ? $"{method}, absorbing {string.Join(", ", r.Fit.FixedEffects.Select(f => $"{f.Name} ({f.Levels})"))}"
            : method;
        sb.AppendLine(title);
        sb.AppendLine($"Formula: {r.Fit.Formula}");
        sb.AppendLine(Inv, $"Number of obs = {r.Nobs}    Residual df = {r.DfResidual}");
        sb.AppendLine($"Std. errors: {r.Vcov.Convention}");
        int width = Math.Max(12, r.Coefficients.Max(c => c.Term.Length) + 1);
        string rule = new('-', width + 70);
        sb.AppendLine(rule);
        string stat = r.Vcov.IsNormal ? "z" : "t";
        sb.AppendLine($"{"".PadLeft(width)} | {"Coef.",11} {"Std. Err.",11} {stat,8} {$"P>|{stat}|",7} {"[95% Conf. Interval]",25}");
        sb.AppendLine(rule);
        foreach (var c in r.Coefficients)
            sb.AppendLine(Inv, $"{c.Term.PadLeft(width)} | {F(c.Estimate),11} {F(c.StdError),11} {c.Statistic,8:F2} {c.PValue,7:F3} {F(c.ConfLow),12} {F(c.ConfHigh),12}");
        sb.AppendLine(rule);
        sb.Append(Inv, $"R2 = {r.R2:F4}   Adj. R2 = {r.AdjR2:F4}");
        if (r.R2Within is double w) sb.Append(Inv, $"   Within R2 = {w:F4}   Adj. within R2 = {r.AdjR2Within:F4}");
        sb.AppendLine(Inv, $"   Root MSE = {F(r.Rmse)}");
        if (r.FTest is { } f)
            sb.AppendLine(r.Vcov.IsNormal
                ? string.Create(Inv, $"Wald chi2({f.Df1}) = {f.Statistic * f.Df1:F2}   Prob > chi2 = {f.PValue:F4}")
                : string.Create(Inv, $"F({f.Df1}, {f.Df2}) = {f.Statistic:F2}   Prob > F = {f.PValue:F4}"));
        foreach (var (name, t) in r.Tests)
            sb.AppendLine(Inv, $"{name}: {t.Distribution}({t.Df}{(t.Df2 is double d2 ? $", {d2}" : "")}) = {t.Statistic:F4}   p = {t.PValue:F4}{(t.Note is null ? "" : $"   ({t.Note})")}");
        if (r.Components is { } comp)
            sb.AppendLine(Inv, $"sigma_u = {comp.SigmaU:G6}   sigma_e = {comp.SigmaE:G6}   rho = {comp.Rho:G6}{(comp.Theta is double th ? $"   theta = {th:G6}" : "")}");
        foreach (var n in r.Notes) sb.AppendLine($"Note: {n}");
        return sb.ToString();
    }

    private static string F(double v) =>
        double.IsNaN(v) ? "." : Math.Abs(v) >= 1e6 || (Math.Abs(v) < 1e-4 && v != 0) ? v.ToString("E4", Inv) : v.ToString("G7", Inv);
}
