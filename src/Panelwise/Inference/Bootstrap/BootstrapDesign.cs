using MathNet.Numerics.LinearAlgebra;
using Panelwise.Absorb;
using Panelwise.Estimation;

namespace Panelwise.Inference.Bootstrap;

/// <summary>The regression the bootstrap works on, by Frisch-Waugh-Lovell: without fixed effects the fit's design
/// (with _cons); with absorbed fixed effects the within-transformed slopes x̃ = M_D x and response ỹ = M_D y, no
/// constant. Also the cluster codes and, when some effect is not nested in the clusters, how M_D mixes clusters in the
/// bootstrap residuals: as a low-rank term (<see cref="FixedEffectMixing"/>) or, when that does not apply, M_D itself.</summary>
internal sealed class BootstrapDesign
{
    private readonly IFixedEffectSolver? _solver;

    public BootstrapDesign(LinearFit fit, FixedEffect cluster, bool lowRank = true)
    {
        bool absorbed = fit.FixedEffects.Count > 0;
        var keep = Enumerable.Range(0, fit.K).Where(j => !absorbed || fit.Terms[j] != LinearEstimator.InterceptName).ToList();
        int n = fit.Nobs;
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = fit.Residuals[i];
            for (int j = 0; j < fit.K; j++) s += fit.Columns[j][i] * fit.EquilibratedCoefficient(j);
            y[i] = s;
        }
        // The absorbed columns carry their grand means (so that _cons is reghdfe's); M_D removes exactly those.
        Columns = keep.Select(j => absorbed ? Centred(fit.Columns[j]) : fit.Columns[j]).ToList();
        Response = absorbed ? Centred(y) : y;
        Terms = keep.Select(j => fit.Terms[j]).ToList();
        Codes = cluster.Codes;
        ClusterCount = cluster.Levels;
        var x = Matrix<double>.Build.Dense(n, Columns.Count, (i, j) => Columns[j][i]);
        Inverse = (x.TransposeThisAndMultiply(x)).Inverse();
        Coefficients = (Inverse * x.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(Response))).ToArray();
        Residuals = Response.ToArray();
        for (int j = 0; j < Columns.Count; j++)
            for (int i = 0; i < n; i++) Residuals[i] -= Columns[j][i] * Coefficients[j];
        if (absorbed && fit.FixedEffects.Any(fe => !fe.IsNestedIn(cluster.Codes)))
        {
            Mixing = lowRank ? FixedEffectMixing.Create(fit.FixedEffects, cluster) : null;
            if (Mixing is null)
                _solver = FixedEffectSolver.Create(fit.FixedEffects, null, new AbsorbOptions { Tolerance = 1e-12, MaxIterations = 100_000 });
        }
    }

    public IReadOnlyList<double[]> Columns { get; }
    public double[] Response { get; }
    public IReadOnlyList<string> Terms { get; }
    public int[] Codes { get; }
    public int ClusterCount { get; }

    /// <summary>(X'X)⁻¹ of <see cref="Columns"/>.</summary>
    public Matrix<double> Inverse { get; }

    public double[] Coefficients { get; }
    public double[] Residuals { get; }

    /// <summary>True when every fixed effect lies within a cluster (or there is none): M_D then acts inside clusters.</summary>
    public bool Nested => _solver is null && Mixing is null;

    /// <summary>The low-rank form of M_D across clusters when some effect is not nested (null otherwise, or when it
    /// does not apply and <see cref="Demean"/> must be used per cluster).</summary>
    public FixedEffectMixing? Mixing { get; }

    public int Nobs => Response.Length;

    /// <summary>Replaces the columns by their residuals from the fixed-effect dummies (only when not nested).</summary>
    public void Demean(IReadOnlyList<double[]> columns)
    {
        var report = _solver!.Demean(columns);
        if (!report.Converged) throw EstimationException.NotConverged(report.Iterations, report.AchievedTolerance, 1e-12);
    }

    private static double[] Centred(double[] x)
    {
        double mean = x.Average();
        return x.Select(v => v - mean).ToArray();
    }
}
