using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Panelwise.Methods.Matching;

/// <summary>Logit or probit by maximum likelihood (Newton-Raphson on the expected information, i.e. IRLS; converged
/// when the largest relative change of lnL is below 1e-12). Standard errors from the inverse information at the optimum
/// (Stata logit/probit, R glm). Perfect or quasi-complete separation (some covariate pattern predicts D exactly, so the
/// likelihood has no maximum) is detected when fitted scores reach 0 or 1 within 1e-9 while the coefficients keep
/// growing, and reported as an error naming the count of such observations, as Stata's logit does before dropping them.</summary>
public static class PropensityModel
{
    public static PropensityFit Fit(IReadOnlyList<string> names, IReadOnlyList<double[]> covariates, double[] treated, bool probit = false)
    {
        int n = treated.Length, k = covariates.Count + 1;
        var x = Matrix<double>.Build.Dense(n, k, (i, j) => j == 0 ? 1 : covariates[j - 1][i]);
        var d = Vector<double>.Build.DenseOfArray(treated);
        var beta = Vector<double>.Build.Dense(k);
        RequireIdentified(names, covariates, n);
        double share = treated.Average();
        if (share is 0 or 1) throw new UserInputException("The treatment does not vary in the sample: every observation is " + (share == 1 ? "treated." : "a control."));
        beta[0] = probit ? Normal.InvCDF(0, 1, share) : Math.Log(share / (1 - share));
        double lnL = LogLikelihood(x * beta, treated, probit);
        Matrix<double> information = Matrix<double>.Build.Dense(k, k);
        int iteration = 0;
        for (; iteration < 200; iteration++)
        {
            var eta = x * beta;
            var (gradient, weights) = Derivatives(eta, d, probit);
            information = x.TransposeThisAndMultiply(x.MapIndexed((i, j, v) => v * weights[i]));
            var step = information.Solve(x.TransposeThisAndMultiply(gradient));
            double next = double.NegativeInfinity;
            for (double t = 1; t > 1e-8; t /= 2)
            {
                var candidate = beta + t * step;
                next = LogLikelihood(x * candidate, treated, probit);
                if (next >= lnL - 1e-12 * Math.Abs(lnL)) { beta = candidate; break; }
            }
            bool done = Math.Abs(next - lnL) <= 1e-12 * Math.Abs(lnL);
            lnL = Math.Max(lnL, next);
            if (done) break;
        }
        var scores = (x * beta).Select(e => probit ? Normal.CDF(0, 1, e) : 1 / (1 + Math.Exp(-e))).ToArray();
        int extreme = scores.Count(p => p < 1e-9 || p > 1 - 1e-9);
        if (extreme > 0 && (iteration >= 199 || beta.AbsoluteMaximum() > 30))
            throw new UserInputException($"Perfect separation in the propensity model: {extreme} observation(s) have a fitted score of 0 or 1 " +
                                        $"(a covariate or combination of {string.Join(", ", names.Select(n => $"'{n}'"))} predicts treatment exactly), so the maximum-likelihood estimate " +
                                        "does not exist. Drop or coarsen the covariate, or restrict the sample to common support.");
        var (_, w) = Derivatives(x * beta, d, probit);
        information = x.TransposeThisAndMultiply(x.MapIndexed((i, j, v) => v * w[i]));
        var covariance = information.Inverse();
        double nullLnL = n * (share * Math.Log(share) + (1 - share) * Math.Log(1 - share));
        return new PropensityFit(["_cons", .. names], beta.ToArray(), Enumerable.Range(0, k).Select(j => Math.Sqrt(covariance[j, j])).ToArray(),
            scores, lnL, nullLnL, iteration + 1);
    }

/// <summary>A covariate that is constant, or an exact combination of earlier ones, makes the information matrix singular
    /// (Stata's logit drops it as collinear): refused, naming it, instead of a score of NaN.</summary>
    private static void RequireIdentified(IReadOnlyList<string> names, IReadOnlyList<double[]> covariates, int n)
    {
        if (n == 0) return;
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        var columns = new List<double[]> { ones };
        columns.AddRange(covariates);
        // Judged against the centred norm (the spread), so a large level with a small spread is kept; a constant against its raw norm.
        var norms = columns.Select(c => { double m = c.Average(), s = Math.Sqrt(c.Sum(v => (v - m) * (v - m))); return s > 0 ? s : Math.Sqrt(c.Sum(v => v * v)); }).ToArray();
        var qr = Numerics.OrderedQr.Factor(columns, norms, 1e-10);
        if (qr.Dropped.Length > 0)
            throw new UserInputException($"Covariate '{names[qr.Dropped[0] - 1]}' is constant or an exact combination of the other covariates in the " +
                "sample, so the propensity model cannot estimate its coefficient: drop it.") { Term = names[qr.Dropped[0] - 1] };
    }

        private static double LogLikelihood(Vector<double> eta, double[] d, bool probit)
    {
        double sum = 0;
        for (int i = 0; i < d.Length; i++)
        {
            // log P(D = d | x), computed from the tails so that scores near 0 or 1 lose no precision.
            double z = d[i] == 1 ? eta[i] : -eta[i];
            sum += probit ? Math.Log(0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2))) : -Math.Log(1 + Math.Exp(-z));
        }
        return sum;
    }

    /// <summary>The score contributions (∂lnL/∂η per observation) and the expected-information weights.</summary>
    private static (Vector<double> Gradient, double[] Weights) Derivatives(Vector<double> eta, Vector<double> d, bool probit)
    {
        int n = d.Count;
        var gradient = Vector<double>.Build.Dense(n);
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double p = probit ? Normal.CDF(0, 1, eta[i]) : 1 / (1 + Math.Exp(-eta[i]));
            p = Math.Clamp(p, 1e-300, 1 - 1e-16);
            double density = probit ? Normal.PDF(0, 1, eta[i]) : p * (1 - p);
            gradient[i] = (d[i] - p) * density / (p * (1 - p));
            weights[i] = density * density / (p * (1 - p));
        }
        return (gradient, weights);
    }
}
