using System.Runtime.CompilerServices;
using Panelwise.Absorb;
using Panelwise.Estimation;

namespace Panelwise.Inference.Covariance;

/// <summary>The sums behind the sandwich: per-observation and per-cluster score outer products, leverage, and the
/// sandwich B·meat·B itself, shared by the covariance families.</summary>
internal static class SandwichSums
{
    /// <summary>Σ_i c_i (w_i e_i)² x_i x_i' with c_i = 1 (HC0/HC1), 1/(1-h_ii) (HC2) or 1/(1-h_ii)² (HC3); HC0/HC1 from the
    /// fit's <see cref="LinearFit.ScoreSums"/> when it has them.</summary>
    public static double[,] ObservationMeat(LinearFit fit, double[]? leverage, int type)
    {
        if (leverage is null && fit.Weights is null && fit.ScoreSums is { } given) return given(null);
        int p = fit.K, n = fit.Nobs;
        var u = new double[n];
        var e = fit.Residuals;
        var w = fit.Weights;
        for (int i = 0; i < n; i++)
        {
            double s = w is null ? e[i] : w[i] * e[i];
            double c = 1;
            if (leverage is not null) c = type == 2 ? 1.0 / (1 - leverage[i]) : 1.0 / ((1 - leverage[i]) * (1 - leverage[i]));
            u[i] = s * s * c;
        }
        var meat = new double[p, p];
        for (int a = 0; a < p; a++)
        {
            var xa = fit.Columns[a];
            for (int b = a; b < p; b++)
            {
                var xb = fit.Columns[b];
                double s = 0;
                for (int i = 0; i < n; i++) s += u[i] * xa[i] * xb[i];
                meat[a, b] = s;
                meat[b, a] = s;
            }
        }
        return meat;
    }

    /// <summary>Σ_g s_g s_g' with s_g = Σ_{i in g} w_i e_i x_i (from the fit's <see cref="LinearFit.ScoreSums"/> when it has them).</summary>
    public static double[,] ClusterMeat(LinearFit fit, FixedEffect cluster)
    {
        if (fit.Weights is null && fit.ScoreSums is { } given) return given(cluster);
        if (cluster.GroupStarts is { } starts) return GroupedClusterMeat(fit, starts);
        int p = fit.K, n = fit.Nobs, g = cluster.Levels;
        var sums = new double[p][];
        var e = fit.Residuals;
        var w = fit.Weights;
        var codes = cluster.Codes;
        Parallel.For(0, p, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (a) =>
        {
            var s = new double[g];
            var x = fit.Columns[a];
            // Runs of one cluster (data sorted by unit) are summed in a register before the scatter-add.
            int i = 0;
            while (i < n)
            {
                int c = codes[i];
                double acc = 0;
                if (w is null) do { acc += e[i] * x[i]; i++; } while (i < n && codes[i] == c);
                else do { acc += w[i] * e[i] * x[i]; i++; } while (i < n && codes[i] == c);
                s[c] += acc;
            }
            sums[a] = s;
        });
        var meat = new double[p, p];
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++)
            {
                double s = 0;
                var sa = sums[a];
                var sb = sums[b];
                for (int c = 0; c < g; c++) s += sa[c] * sb[c];
                meat[a, b] = s;
                meat[b, a] = s;
            }
        return meat;
    }

    /// <summary><see cref="ClusterMeat"/> when each cluster is one run of rows (a panel sorted by the cluster unit): a
    /// cluster's scores are summed while its rows are in cache and s_g s_g' added at once, so the residuals and codes
    /// are read once for all columns and no per-cluster arrays are built. Clusters are split into ranges in parallel.</summary>
    private static double[,] GroupedClusterMeat(LinearFit fit, int[] starts)
    {
        int p = fit.K, g = starts.Length - 1;
        var e = fit.Residuals;
        var w = fit.Weights;
        var columns = fit.Columns.ToArray();
        int parts = fit.Nobs < 1 << 16 ? 1 : Environment.ProcessorCount;
        var partial = new double[parts][];
        Parallel.For(0, parts, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r) =>
        {
            var local = new double[p * p];
            var score = new double[p];
            for (int c = (int)((long)g * r / parts), end = (int)((long)g * (r + 1) / parts); c < end; c++)
            {
                int lo = starts[c], hi = starts[c + 1];
                for (int a = 0; a < p; a++)
                {
                    var x = columns[a];
                    double acc = 0;
                    if (w is null) for (int i = lo; i < hi; i++) acc += e[i] * x[i];
                    else for (int i = lo; i < hi; i++) acc += w[i] * e[i] * x[i];
                    score[a] = acc;
                }
                for (int a = 0; a < p; a++)
                {
                    double sa = score[a];
                    for (int b = a; b < p; b++) local[a * p + b] += sa * score[b];
                }
            }
            partial[r] = local;
        });
        var meat = new double[p, p];
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++)
            {
                double s = 0;
                foreach (var local in partial) s += local[a * p + b];
                meat[a, b] = s;
                meat[b, a] = s;
            }
        return meat;
    }

    /// <summary>h_ii = w_i x_i'(X'WX)⁻¹x_i.</summary>
    public static double[] Leverage(LinearFit fit)
    {
        int p = fit.K, n = fit.Nobs;
        var h = new double[n];
        var bread = fit.Bread;
        var w = fit.Weights;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int a = 0; a < p; a++)
            {
                double xa = fit.Columns[a][i];
                for (int b = 0; b < p; b++) s += xa * bread[a, b] * fit.Columns[b][i];
            }
            h[i] = w is null ? s : w[i] * s;
        }
        return h;
    }

    public static double[,] Sandwich(double[,] bread, double[,] meat, double factor)
    {
        int p = bread.GetLength(0);
        var tmp = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
            {
                double s = 0;
                for (int k = 0; k < p; k++) s += bread[i, k] * meat[k, j];
                tmp[i, j] = s;
            }
        var result = new double[p, p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++)
            {
                double s = 0;
                for (int k = 0; k < p; k++) s += tmp[i, k] * bread[k, j];
                result[i, j] = s * factor;
            }
        return result;
    }

    public static double[,] Scale(double[,] m, double factor)
    {
        var r = (double[,])m.Clone();
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < r.GetLength(1); j++) r[i, j] *= factor;
        return r;
    }

    /// <summary>Score columns s_a[i] = x_ia w_i e_i, aligned with the fit's terms.</summary>
    public static double[][] Scores(LinearFit fit)
    {
        var scores = new double[fit.K][];
        var e = fit.Residuals;
        var w = fit.Weights;
        for (int a = 0; a < fit.K; a++)
        {
            var x = fit.Columns[a];
            var s = new double[fit.Nobs];
            for (int i = 0; i < s.Length; i++) s[i] = x[i] * e[i] * (w is null ? 1 : w[i]);
            scores[a] = s;
        }
        return scores;
    }
}
