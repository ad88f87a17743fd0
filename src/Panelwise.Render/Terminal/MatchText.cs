using System.Text;
using Panelwise.Methods.Matching;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;

namespace Panelwise.Render.Terminal;

/// <summary>The text report of match, laid out as Stata prints it: the logit/probit table, psmatch2's outcome table
/// (Unmatched and ATT rows: treated mean, control mean, difference, S.E., t) and support tabulation, then pstest's
/// balance table (means, % bias, % reduction in |bias|, t test).</summary>
public static class MatchText
{
    private static readonly FixedWidthLayout PropensityLayout = new(
        [new(12, Truncate: true), new(12, Before: " |"), new(12), new(10), new(10)], Rule: 60);

    private static readonly FixedWidthLayout OutcomeLayout = new(
        [new(16, Truncate: true), new(10, Before: " "), new(12, Before: " |"), new(12), new(13), new(13), new(9)], Rule: 88);

    private static readonly FixedWidthLayout SupportLayout = new([new(12), new(13), new(13), new(9)]);

    private static readonly FixedWidthLayout BalanceLayout = new(
        [new(16, LeftAligned: true, Truncate: true), new(7), new(10, Before: " |"), new(10), new(8), new(10, Before: " |"), new(7, Before: " |"), new(8)], Rule: 81);

    /// <summary>The report; <paramref name="missingStdErrorAdvice"/> says what the caller can do to get a standard
    /// error of the ATT when there is none (the CLI names its options), null for no advice.</summary>
    public static string Write(MatchingResult r, MatchingSpec spec, string? missingStdErrorAdvice = null)
    {
        var sb = new StringBuilder();
        var f = r.Propensity;
        sb.AppendLine($"{(spec.Probit ? "Probit" : "Logistic")} regression of {spec.Treatment}    Number of obs = {r.SampleRows.Length}");
        sb.AppendLine($"Log likelihood = {F(f.LogLikelihood)}    Pseudo R2 = {F(f.PseudoR2)}");
        sb.Append(FixedWidthTableWriter.Write(MatchTableBuilder.Propensity(f, spec.Treatment), PropensityLayout));
        sb.AppendLine($"\nMatching: {MethodLabel(spec)}");
        if (MatchTableBuilder.Outcome(r) is { } outcome)
        {
            sb.Append(FixedWidthTableWriter.Write(outcome, OutcomeLayout));
            double se = r.AttStdError;
            sb.AppendLine(double.IsFinite(se)
                ? (r.AttStdErrorMethod == "bootstrap"
                    ? $"Note: S.E. of the ATT is a bootstrap S.E. ({r.BootstrapReps} reps, score re-estimated in each)."
                    : "Note: S.E. of the ATT is the Abadie-Imbens (2006) S.E.; it does not take into account that the score is estimated.")
                : "Note: no S.E. for the ATT" + (missingStdErrorAdvice is null ? "." : $"; {missingStdErrorAdvice}."));
        }
        sb.Append('\n').Append(FixedWidthTableWriter.Write(MatchTableBuilder.Support(r), SupportLayout));
        sb.AppendLine($"Controls used: {r.ControlsUsed}" + (r.TreatedWithTies > 0 ? $"; treated units with tied nearest controls: {r.TreatedWithTies}" : ""));
        sb.Append('\n').Append(FixedWidthTableWriter.Write(MatchTableBuilder.Balance(r.Balance), BalanceLayout));
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

    private static string F(double v) => StataFormat.Number(v, "G6");
}
