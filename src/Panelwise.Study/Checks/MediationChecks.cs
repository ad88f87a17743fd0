using System.Globalization;
using Panelwise.Methods.Mediation;
using Panelwise.Methods.Resampling;

namespace Panelwise.Study;

/// <summary>The referee's check of a mediation table: the Sobel test (normal approximation of a·b) and the bootstrap
/// percentile interval should agree on whether the indirect effect differs from zero at 5%. When Sobel p &lt; 0.05 but
/// the interval covers 0, or the interval excludes 0 but Sobel p ≥ 0.05, the check fires (a·b is rarely normal in
/// finite samples, so the bootstrap is the one to report; Preacher and Hayes 2008). Columns are numbered as the
/// mediation table prints them: mediator j's outcome equation is column 3 + 2j, the joint column the last.</summary>
internal static class MediationChecks
{
    public const double Level = 0.05;

    public static IEnumerable<StudyCheck> Find(string table, MediationResult result)
    {
        for (int j = 0; j < result.Each.Count; j++)
        {
            var e = result.Each[j];
            if (Contradiction($"through {e.Mediator}", e.Sobel, e.Bootstrap) is { } message)
                yield return new StudyCheck(table, 3 + 2 * j, "Y ~ X + M", "sobel_bootstrap", message);
        }
        if (result.Joint is { } joint && Contradiction($"through all mediators jointly ({string.Join(", ", joint.Paths.Select(p => p.Mediator))})", joint.Sobel, joint.Bootstrap) is { } jointMessage)
            yield return new StudyCheck(table, 2 + 2 * result.Each.Count, "Joint: Y ~ X + all M", "sobel_bootstrap", jointMessage);
    }

    /// <summary>The message when the two tests disagree at 5%; null when they agree or there is no bootstrap.</summary>
    public static string? Contradiction(string what, ProductTest sobel, BootstrapInterval? bootstrap)
    {
        if (bootstrap is null || double.IsNaN(bootstrap.Low) || double.IsNaN(bootstrap.High) || double.IsNaN(sobel.PValue)) return null;
        bool sobelSignificant = sobel.PValue < Level;
        bool intervalExcludesZero = bootstrap.Low > 0 || bootstrap.High < 0;
        if (sobelSignificant == intervalExcludesZero) return null;
        string interval = $"[{Num(bootstrap.Low)}, {Num(bootstrap.High)}]";
        string test = $"Sobel z = {Num(sobel.Z)}, p = {Num(sobel.PValue)}";
        return sobelSignificant
            ? $"the indirect effect {what} is significant by the Sobel test ({test}) but its bootstrap 95% interval {interval} covers 0. The Sobel test assumes a·b is normally distributed, which it rarely is; report the bootstrap interval and do not claim mediation on the Sobel test alone."
            : $"the indirect effect {what} has a bootstrap 95% interval {interval} that excludes 0, but the Sobel test does not find it significant at 5% ({test}). The Sobel test is conservative when a·b is skewed; report the bootstrap interval and say that the two disagree.";
    }

    private static string Num(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
