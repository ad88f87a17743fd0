using Panelwise.Results;

namespace Panelwise.Models;

/// <summary>Drop residual outliers and refit: observation i is dropped when its standardised residual
/// |z_i| = √w_i |e_i| / s exceeds k, where s = √(SSR/(N-K)) is the first fit's root MSE (K counts the absorbed
/// fixed-effect levels) and w_i the analytic weight normalised to sum to N (1 without weights). This is the "standardised residual" of
/// applied work (e.g. Belsley, Kuh and Welsch 1980, ch. 2), without the leverage term 1/√(1-h_ii) of Stata's
/// <c>predict, rstandard</c>: with absorbed fixed effects the leverage of the effects is not computed. The rule is
/// applied once (no iteration), as in the usual robustness check.</summary>
public static class ResidualOutliers
{
    /// <summary>The exclusion note's reason for threshold <paramref name="k"/>.</summary>
    internal static string Reason(double k) => $"|standardised residual| = sqrt(w)|e|/s > {Formula.Names.Number(k)} in the first fit ({{DropOutliers}})";

    /// <summary>The frame rows to drop: <paramref name="rows"/>[i] for every residual i with |z_i| &gt; k.</summary>
    public static bool[] Flag(RegressionResult result, int[] rows, int frameRows, double k)
    {
        var fit = result.Fit;
        if (fit.Residuals.Length != rows.Length)
            throw new UserInputException($"{{DropOutliers}} needs one residual per observation; the {result.Model} model has {fit.Residuals.Length} " +
                                        $"for {rows.Length} observations (use ols, fe or lsdv).");
        // s is on weights normalised to sum to N (Stata's Root MSE), so the weights are normalised the same way here.
        double s = result.Rmse;
        double scale = fit.Weights is { } ws ? fit.Nobs / ws.Sum() : 1;
        var flagged = new bool[frameRows];
        for (int i = 0; i < rows.Length; i++)
        {
            double w = fit.Weights is null ? 1 : fit.Weights[i] * scale;
            if (Math.Sqrt(w) * Math.Abs(fit.Residuals[i]) / s > k) flagged[rows[i]] = true;
        }
        return flagged;
    }

    /// <summary>Flags the outliers of <paramref name="first"/> and refits without them (also when none is flagged, so
    /// that the note "0 observations excluded" records that the check ran).</summary>
    internal static RegressionResult Refit(RegressionResult first, int[] rows, int frameRows, double k, Func<bool[], RegressionResult> refit)
    {
        if (!(k > 0)) throw new UserInputException($"{{DropOutliers}} needs a positive threshold, got {k}.");
        return refit(Flag(first, rows, frameRows, k));
    }
}
