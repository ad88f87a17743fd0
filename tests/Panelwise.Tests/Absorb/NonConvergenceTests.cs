using Panelwise.Cli;
using Panelwise.Absorb;
using Panelwise.Estimation;
using Xunit;

namespace Panelwise.Tests.Absorb;

/// <summary>When the solver stops at the iteration limit, the fit fails with a message that gives the achieved
/// tolerance and says what to do, rather than returning coefficients computed from partly demeaned data: within the
/// sweeps of alternating projections (limit 5) and within the conjugate gradients that follow them (limit 15).</summary>
public class NonConvergenceTests
{
    [Theory]
    [InlineData(5, "alternating projections")]
    [InlineData(15, "then conjugate gradient")]
    public void IterationLimitIsReportedAsAnError(int limit, string method)
    {
        // A chain: worker i works for firms i and i+1, so information travels one link per sweep.
        int workers = 1500, n = 2 * workers;
        var worker = new int[n];
        var firm = new int[n];
        var y = new double[n];
        var x = new double[n];
        var rng = new Random(7);
        for (int i = 0; i < workers; i++)
            for (int k = 0; k < 2; k++)
            {
                int r = 2 * i + k;
                worker[r] = i;
                firm[r] = i + k;
                x[r] = rng.NextDouble();
                y[r] = x[r] + 0.01 * i + rng.NextDouble();
            }
        var problem = new LinearProblem
        {
            ResponseName = "y",
            Response = y,
            RegressorNames = ["x"],
            Regressors = [x],
            FixedEffects = [new FixedEffect("worker", worker, workers), new FixedEffect("firm", firm, workers + 1)],
        };
        var options = new EstimationOptions { Absorb = new AbsorbOptions { MaxIterations = limit }, DropSingletons = false };
        var ex = Assert.Throws<EstimationException>(() => LinearEstimator.Fit(problem, options));
        Assert.StartsWith($"The fixed-effect solver did not converge in {limit} iterations (achieved tolerance ", ex.Message);
        Assert.Contains(method, ex.Message);
        Assert.Contains("Raise --fe-maxiter, loosen --fe-tol", CliFlags.Message(ex));
    }
}
