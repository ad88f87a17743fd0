using System.Globalization;
using System.Text;
using Panelwise.Methods.Matching;

namespace Panelwise.Render.Terminal;

/// <summary>The text report of match, laid out as Stata prints it: the logit/probit table, psmatch2's outcome table
/// (Unmatched and ATT rows: treated mean, control mean, difference, S.E., t) and support tabulation, then pstest's
/// balance table (means, % bias, % reduction in |bias|, t test).</summary>
public static class MatchText
{
    /// <summary>The report; <paramref name="missingStdErrorAdvice"/> says what the caller can do to get a standard
    /// error of the ATT when there is none (the CLI names its options), null for no advice.</summary>
    public static string Write(MatchingResult r, MatchingSpec spec, string? missingStdErrorAdvice = null)
    {
        var sb = new StringBuilder();
        var f = r.Propensity;
        sb.AppendLine($"{(spec.Probit ? "Probit" : "Logistic")} regression of {spec.Treatment}    Number of obs = {r.SampleRows.Length}");
        sb.AppendLine($"Log likelihood = {F(f.LogLikelihood)}    Pseudo R2 = {F(f.PseudoR2)}");
        string rule = new('-', 60);
        sb.AppendLine(rule).AppendLine($"{spec.Treatment,12} |{"Coef.",12}{"Std. Err.",12}{"z",10}{"P>|z|",10}").AppendLine(rule);
        for (int j = 0; j < f.Names.Count; j++)
            sb.AppendLine($"{Cut(f.Names[j], 12),12} |{F(f.Coefficients[j]),12}{F(f.StdErrors[j]),12}{N(f.ZStatistic(j), "F2"),10}{N(f.PValue(j), "F3"),10}");
        sb.AppendLine(rule).AppendLine($"\nMatching: {MethodLabel(spec)}");
        if (r.Outcome is { } o)
        {
            string line = new('-', 88);
            sb.AppendLine(line).AppendLine($"{"Variable",16} {"Sample",10} |{"Treated",12}{"Controls",12}{"Difference",13}{"S.E.",13}{"T-stat",9}").AppendLine(line);
            sb.AppendLine($"{Cut(o.Covariate, 16),16} {"Unmatched",10} |{F(o.MeanTreatedBefore),12}{F(o.MeanControlBefore),12}{F(o.DifferenceBefore),13}{F(o.StdErrorBefore),13}{N(o.TBefore, "F2"),9}");
            double se = r.AttStdError;
            sb.AppendLine($"{"",16} {"ATT",10} |{F(o.MeanTreatedAfter),12}{F(o.MeanControlAfter),12}{F(r.Att),13}{F(se),13}{(double.IsFinite(se) ? r.AttStatistic.ToString("F2", CultureInfo.InvariantCulture) : "."),9}");
            sb.AppendLine(line);
            sb.AppendLine(double.IsFinite(se)
                ? (r.AttStdErrorMethod == "bootstrap"
                    ? $"Note: S.E. of the ATT is a bootstrap S.E. ({r.BootstrapReps} reps, score re-estimated in each)."
                    : "Note: S.E. of the ATT is the Abadie-Imbens (2006) S.E.; it does not take into account that the score is estimated.")
                : "Note: no S.E. for the ATT" + (missingStdErrorAdvice is null ? "." : $"; {missingStdErrorAdvice}."));
        }
        int controls = r.SampleRows.Length - r.Treated;
        sb.AppendLine($"\n{"",12}{"Off support",13}{"On support",13}{"Total",9}");
        sb.AppendLine($"{"Untreated",12}{0,13}{controls,13}{controls,9}");
        sb.AppendLine($"{"Treated",12}{r.Treated - r.TreatedMatched,13}{r.TreatedMatched,13}{r.Treated,9}");
        sb.AppendLine($"Controls used: {r.ControlsUsed}" + (r.TreatedWithTies > 0 ? $"; treated units with tied nearest controls: {r.TreatedWithTies}" : ""));
        Balance(sb, r.Balance);
        sb.Append(NoteLines.Of(r.Notes));
        return sb.ToString();
    }

    public static string MethodLabel(MatchingSpec spec) => spec.Method switch
    {
        MatchingMethod.Radius => $"radius (caliper {F(spec.Caliper ?? double.NaN)})",
        MatchingMethod.Kernel => $"kernel (epanechnikov, bandwidth {F(spec.Bandwidth)})",
        _ => $"nearest:{spec.Neighbours} " + (spec.Replace ? "with replacement" + (spec.Ties ? ", ties" : "") : $"without replacement, order {spec.Order}")
             + (spec.Caliper is { } c ? $", caliper {F(c)}" : ""),
    };

    private static void Balance(StringBuilder sb, IReadOnlyList<BalanceRow> rows)
    {
        string line = new('-', 81);
        sb.AppendLine().AppendLine(line);
        sb.AppendLine($"{"",23} |{"Mean",19}{"",9} |{"%reduct",10} |{"t-test",12}");
        sb.AppendLine($"{"Variable",-16}{"Sample",7} |{"Treated",10}{"Control",10}{"%bias",8} |{"|bias|",10} |{"t",7}{"p>|t|",8}");
        sb.AppendLine(line);
        foreach (var b in rows)
        {
            sb.AppendLine($"{Cut(b.Covariate, 16),-16}{"U",7} |{G(b.MeanTreatedBefore),10}{G(b.MeanControlBefore),10}{N(b.BiasBefore, "F1"),8} |{"",10} |{N(b.TBefore, "F2"),7}{N(b.PBefore, "F3"),8}");
            sb.AppendLine($"{"",-16}{"M",7} |{G(b.MeanTreatedAfter),10}{G(b.MeanControlAfter),10}{N(b.BiasAfter, "F1"),8} |{N(b.Reduction, "F1"),10} |{N(b.TAfter, "F2"),7}{N(b.PAfter, "F3"),8}");
            sb.AppendLine($"{"",23} |{"",28} |{"",10} |");
        }
        sb.AppendLine(line);
    }

    private static string Cut(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "~";

    private static string N(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : ".";

    private static string G(double v) => double.IsFinite(v) ? v.ToString("G5", CultureInfo.InvariantCulture) : ".";

    private static string F(double v) => double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : ".";
}
