using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Results;
using Panelwise.Models;

namespace Panelwise.Methods.Mediation;

/// <summary>Stepwise (Baron and Kenny 1986) mediation with the product-of-coefficients tests and a bootstrap interval
/// of a·b (Preacher and Hayes 2008). Every equation uses the same sample (the rows where the joint equation's
/// variables are all present and the --if filter holds), the same absorbed effects and the same covariance.
/// <code>var r = MediationAnalysis.Run(frame, new MediationSpec { Outcome = "y", Treatment = "x", Mediators = ["m"] }, new FitOptions());</code></summary>
public static class MediationAnalysis
{
    public static MediationResult Run(Frame frame, MediationSpec spec, FitOptions? options = null, IProgress<string>? progress = null)
    {
        options ??= new FitOptions();
        if (options.Model != PanelModel.Ols)
            throw new UserInputException("mediate fits linear equations with absorbed fixed effects: give them with {MediationFixedEffects}, not {Model}.");
        var equations = new MediationEquations(spec, spec.FixedEffects);
        var (joint, rows) = Regression.FitWithRows(frame, equations.Joint, options);
        var outside = new bool[frame.RowCount];
        Array.Fill(outside, true);
        foreach (int r in rows) outside[r] = false;
        var common = options with { ExcludedRows = outside, ExclusionReason = "outside the common sample of the mediation equations" };
        var fits = FitAll(frame, equations, common, joint);
        var each = Enumerable.Range(0, equations.MediatorCount).Select(j => Single(equations, fits, j)).ToList();
        var jointResult = equations.MediatorCount > 1 ? Joint(equations, fits) : null;
        var notes = new List<Note>(joint.Notes);
        string? resampling = null;
        if (spec.BootstrapReps > 0)
        {
            var boot = new MediationBootstrap(frame, rows, spec, options);
            resampling = boot.Resampling;
            var intervals = boot.Run(equations.MediatorCount, progress, each.Select(e => e.Indirect.Estimate).ToArray(), jointResult?.Indirect.Estimate);
            each = each.Select((e, j) => e with { Bootstrap = intervals.Each[j] }).ToList();
            if (jointResult is not null) jointResult = jointResult with { Bootstrap = intervals.Joint };
            notes.AddRange(boot.Notes);
        }
        return new MediationResult
        {
            Nobs = joint.Nobs,
            Each = each,
            Joint = jointResult,
            VcovConvention = joint.Vcov.Convention,
            Resampling = resampling,
            Notes = notes,
            Equations = [fits.Total, .. Enumerable.Range(0, equations.MediatorCount).SelectMany(j => new[] { fits.A[j], fits.Outcome[j] }),
                .. equations.MediatorCount > 1 ? [fits.Joint] : Array.Empty<RegressionResult>()],
        };
    }

    /// <summary>The fitted equations; with a single mediator its outcome equation is the joint one.</summary>
    internal sealed record Fits(RegressionResult Total, RegressionResult[] A, RegressionResult[] Outcome, RegressionResult Joint);

    private static Fits FitAll(Frame frame, MediationEquations eq, FitOptions options, RegressionResult joint)
    {
        int k = eq.MediatorCount;
        var a = new RegressionResult[k];
        var outcome = new RegressionResult[k];
        for (int j = 0; j < k; j++)
        {
            a[j] = MediationEquations.Fit(frame, eq.A(j), options);
            outcome[j] = k == 1 ? joint : MediationEquations.Fit(frame, eq.Outcome(j), options);
        }
        return new Fits(MediationEquations.Fit(frame, eq.Total, options), a, outcome, joint);
    }

    private static MediatorResult Single(MediationEquations eq, Fits fits, int j)
    {
        var total = Path(fits.Total, eq.Total, 0, "X in the total-effect equation");
        var a = Path(fits.A[j], eq.A(j), 0, "X in the mediator equation");
        var b = Path(fits.Outcome[j], eq.Outcome(j), 1, "the mediator in the outcome equation");
        var direct = Path(fits.Outcome[j], eq.Outcome(j), 0, "X in the outcome equation");
        return Combine(eq.Joint.Regressors[1 + j].Name, total, a, b, direct);
    }

    private static MediatorResult Combine(string mediator, PathEstimate total, PathEstimate a, PathEstimate b, PathEstimate direct)
    {
        var sobel = ProductOfCoefficients.Sobel(a.Estimate, a.StdError, b.Estimate, b.StdError);
        double indirect = a.Estimate * b.Estimate;
        double se = Math.Sqrt(ProductOfCoefficients.SobelVariance(a.Estimate, a.StdError, b.Estimate, b.StdError));
        return new MediatorResult
        {
            Mediator = mediator,
            Total = total,
            A = a,
            B = b,
            Direct = direct,
            Indirect = new PathEstimate(indirect, se, sobel.PValue),
            Sobel = sobel,
            Aroian = ProductOfCoefficients.Aroian(a.Estimate, a.StdError, b.Estimate, b.StdError),
            Goodman = ProductOfCoefficients.Goodman(a.Estimate, a.StdError, b.Estimate, b.StdError),
            Share = indirect / total.Estimate,
        };
    }

    private static JointMediation Joint(MediationEquations eq, Fits fits)
    {
        int k = eq.MediatorCount;
        var total = Path(fits.Total, eq.Total, 0, "X in the total-effect equation");
        var direct = Path(fits.Joint, eq.Joint, 0, "X in the joint outcome equation");
        var a = Enumerable.Range(0, k).Select(j => Path(fits.A[j], eq.A(j), 0, "X in a mediator equation")).ToArray();
        var b = Enumerable.Range(0, k).Select(j => Path(fits.Joint, eq.Joint, 1 + j, "a mediator in the joint equation")).ToArray();
        var paths = Enumerable.Range(0, k).Select(j => Combine(eq.Joint.Regressors[1 + j].Name, total, a[j], b[j], direct)).ToList();
        var bIndex = Enumerable.Range(0, k).Select(j => IndexOf(fits.Joint, eq.Joint.Regressors[1 + j].Name)).ToArray();
        double estimate = 0, variance = 0;
        for (int j = 0; j < k; j++)
        {
            estimate += a[j].Estimate * b[j].Estimate;
            for (int l = 0; l < k; l++)
            {
                double covA = ResidualCorrelation(fits.A[j], fits.A[l]) * a[j].StdError * a[l].StdError;
                variance += b[j].Estimate * b[l].Estimate * covA + a[j].Estimate * a[l].Estimate * fits.Joint.Vcov.Covariance(bIndex[j], bIndex[l]);
            }
        }
        var sobel = ProductOfCoefficients.Test(estimate, variance);
        return new JointMediation
        {
            Total = total,
            Direct = direct,
            Paths = paths,
            Indirect = new PathEstimate(estimate, Math.Sqrt(variance), sobel.PValue),
            Sobel = sobel,
            Share = estimate / total.Estimate,
        };
    }

    private static double ResidualCorrelation(RegressionResult first, RegressionResult second)
    {
        double[] e = first.Fit.Residuals, f = second.Fit.Residuals;
        double ef = 0, ee = 0, ff = 0;
        for (int i = 0; i < e.Length; i++) { ef += e[i] * f[i]; ee += e[i] * e[i]; ff += f[i] * f[i]; }
        return ef / Math.Sqrt(ee * ff);
    }

    private static int IndexOf(RegressionResult result, string term)
    {
        for (int i = 0; i < result.Fit.Terms.Count; i++) if (result.Fit.Terms[i] == term) return i;
        throw new UserInputException($"{term} was dropped from the joint equation as collinear.");
    }

    private static PathEstimate Path(RegressionResult result, Formula.ModelSpec model, int position, string what)
    {
        var row = MediationEquations.Row(result, model, position)
                  ?? throw new UserInputException($"{model.Regressors[position].Name} ({what}) was dropped as collinear: " +
                                                 "check that the mediators, treatment and controls are distinct variables.");
        return new PathEstimate(row.Estimate, row.StdError, row.PValue);
    }
}
