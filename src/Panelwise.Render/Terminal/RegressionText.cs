using System.Globalization;
using System.Text;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;
using Panelwise.Results;

namespace Panelwise.Render.Terminal;

/// <summary>A readable regression table in the layout Stata users know (coefficient, SE, t, P>|t|, 95% CI).</summary>
public static class RegressionText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The table followed, for an IV fit, by its diagnostics (<see cref="IvText"/>; first stages when
    /// <paramref name="firstStage"/>).</summary>
    public static string Write(RegressionResult r, bool firstStage) => Write(r) + (r.Iv is { } iv ? IvText.Write(iv, firstStage) : "");

    public static string Write(RegressionResult r)
    {
        var sb = new StringBuilder();
        string absorbed = string.Join(", ", r.Fit.FixedEffects.Select(f => $"{f.Name} ({f.Levels})"));
        string title = r.Model switch
        {
            "fe" => $"Fixed-effects (within) regression (xtreg, fe), absorbing {absorbed}",
            "re" => "Random-effects GLS regression (xtreg, re; Swamy-Arora)",
            "be" => "Between regression on unit means (xtreg, be)",
            "fd" => "First-difference regression",
            "lsdv" => "Least-squares dummy variables (regress y x i.id)",
            "fgls" => "Feasible GLS (xtgls)",
            _ => (r.Iv is { } iv ? $"IV ({iv.Estimator})" : "OLS") + (r.Fit.FixedEffects.Count > 0 ? $", absorbing {absorbed}" : ""),
        };
        sb.AppendLine(title);
        sb.AppendLine($"Formula: {r.Fit.Formula}");
        string groups = r.Groups is int g ? string.Create(Inv, $"    Number of groups = {g}") : "";
        sb.AppendLine(Inv, $"Number of obs = {r.Nobs}{groups}    Residual df = {r.DfResidual}");
        sb.AppendLine($"Std. errors: {r.Vcov.Convention}");
        int width = Math.Max(12, r.Coefficients.Max(c => c.Term.Length) + 1);
        sb.Append(FixedWidthTableWriter.Write(CoefficientTableBuilder.Build(r), new FixedWidthLayout(
            [new(width), new(11, Before: " | "), new(11, Before: " "), new(8, Before: " "), new(7, Before: " "), new(12, Before: " "), new(12, Before: " ")],
            Rule: width + 70)));
        if (!double.IsNaN(r.R2))
        {
            sb.Append(Inv, $"R2 = {r.R2:F4}   Adj. R2 = {r.AdjR2:F4}");
            if (r.R2Within is double w) sb.Append(Inv, $"   Within R2 = {w:F4}   Adj. within R2 = {r.AdjR2Within:F4}");
            sb.AppendLine(Inv, $"   Root MSE = {F(r.Rmse)}");
        }
        if (r.FTest is { } f)
            sb.AppendLine(r.Vcov.IsNormal
                ? string.Create(Inv, $"Wald chi2({f.Df1}) = {Stat(f.ChiSquared, "F2")}   Prob > chi2 = {Stat(f.PValue, "F4")}")
                : string.Create(Inv, $"F({f.Df1}, {f.Df2}) = {Stat(f.Statistic, "F2")}   Prob > F = {Stat(f.PValue, "F4")}"));
        foreach (var (name, t) in r.Tests)
            sb.AppendLine(Inv, $"{name}: {t.Distribution}({t.Df}{(t.Df2 is double d2 ? $", {d2}" : "")}) = {t.Statistic:F4}   p = {t.PValue:F4}{(t.Note is null ? "" : $"   ({t.Note})")}");
        if (r.Components is { } comp) sb.Append(Components(comp));
        if (r.WildBootstrap is { } boot)
        {
            sb.AppendLine(Inv, $"Wild cluster restricted bootstrap ({boot.Weights}, B = {boot.Reps}{(boot.Enumerated ? ", all sign vectors" : $", seed {boot.Seed}")}, {boot.Clusters} clusters of {boot.Cluster}):");
            foreach (var c in boot.Coefficients)
                sb.AppendLine(Inv, $"{c.Term.PadLeft(width)} | p = {c.PValue,7:F4}   95% CI [{F(c.ConfLow)}, {F(c.ConfHigh)}]");
        }
        sb.Append(NoteLines.Of(r.Notes));
        return sb.ToString();
    }

    /// <summary>The xtreg footer: only the components the model has.</summary>
    private static string Components(ModelComponents c)
    {
        var parts = new List<string>();
        void Add(string name, double? value) { if (value is double v) parts.Add(string.Create(Inv, $"{name} = {v:G6}")); }
        Add("R2 within", c.R2Within);
        Add("between", c.R2Between);
        Add("overall", c.R2Overall);
        Add("sigma_u", c.SigmaU);
        Add("sigma_e", c.SigmaE);
        Add("rho", c.Rho);
        Add("theta", c.Theta);
        if (c.ThetaSummary is { } t)
            parts.Add(string.Create(Inv, $"theta min/5%/median/95%/max = {t.Min:G4}/{t.P5:G4}/{t.Median:G4}/{t.P95:G4}/{t.Max:G4}"));
        return parts.Count == 0 ? "" : string.Join("   ", parts) + Environment.NewLine;
    }

    private static string Stat(double v, string format) => StataFormat.Number(v, format);

    private static string F(double v) => StataFormat.Coefficient(v);
}
