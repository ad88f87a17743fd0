namespace HightechResilience.Generate;

/// <summary>What the generator needs to state its true values: the entropy index exactly as synthetic_index.yaml
/// builds it (pooled min-max + 0.0001, entropy weights per node, weighted sums; README "panelwise index"), and the
/// least-squares coefficients of a two-way fixed-effects regression (province and year effects swept out).</summary>
internal static class Estimation
{
    public const double Shift = 0.0001;

    /// <summary>An entropy-weighted node: its score, its weights, and the linear map score = Constant + Σ Slope_j x_j
    /// that holds because min-max normalisation is linear given the sample's min and max.</summary>
    public sealed record Node(double[] Score, double[] Weights, double[] Slope, double Constant);

    /// <summary>Entropy weights (e_j = -(1/ln n) Σ p ln p, d_j = 1 - e_j, w_j = d_j / Σ d) over the given columns.</summary>
    public static double[] EntropyWeights(IReadOnlyList<double[]> columns)
    {
        int n = columns[0].Length;
        double k = 1.0 / Math.Log(n);
        var d = columns.Select(x =>
        {
            double sum = x.Sum(), acc = 0;
            foreach (double v in x) if (v != 0) { double p = v / sum; acc += p * Math.Log(p); }
            return 1.0 - (-k * acc);
        }).ToArray();
        return [.. d.Select(v => v / d.Sum())];
    }

    /// <summary>A dimension: each indicator min-max normalised (sign +1 or -1), entropy weights, weighted sum.</summary>
    public static Node Dimension(IReadOnlyList<double[]> raw, IReadOnlyList<int> sign)
    {
        int n = raw[0].Length;
        var normalised = new List<double[]>();
        var slope = new double[raw.Count];
        var offset = new double[raw.Count];
        for (int j = 0; j < raw.Count; j++)
        {
            double min = raw[j].Min(), max = raw[j].Max(), range = max - min;
            normalised.Add(sign[j] > 0 ? [.. raw[j].Select(v => (v - min) / range + Shift)] : [.. raw[j].Select(v => (max - v) / range + Shift)]);
            slope[j] = sign[j] / range;
            offset[j] = (sign[j] > 0 ? -min / range : max / range) + Shift;
        }
        var w = EntropyWeights(normalised);
        var score = new double[n];
        for (int j = 0; j < raw.Count; j++) for (int i = 0; i < n; i++) score[i] += w[j] * normalised[j][i];
        return new Node(score, w, [.. slope.Select((s, j) => w[j] * s)], offset.Select((o, j) => w[j] * o).Sum());
    }

    /// <summary>The root: entropy weights over the dimension scores themselves (hierarchical scope: not renormalised).</summary>
    public static (double[] Score, double[] Weights) Root(IReadOnlyList<double[]> scores)
    {
        var w = EntropyWeights(scores);
        var score = new double[scores[0].Length];
        for (int j = 0; j < scores.Count; j++) for (int i = 0; i < score.Length; i++) score[i] += w[j] * scores[j][i];
        return (score, w);
    }

    /// <summary>Coefficients of y on the columns x over <paramref name="rows"/>, with unit and time effects swept out
    /// (alternating demeaning to convergence, then the normal equations by Gauss-Jordan with partial pivoting).</summary>
    public static double[] FixedEffects(double[] y, IReadOnlyList<double[]> x, int[] rows, int[] unit, int[] time)
    {
        var ry = Demean([.. rows.Select(r => y[r])], [.. rows.Select(r => unit[r])], [.. rows.Select(r => time[r])]);
        var rx = x.Select(c => Demean([.. rows.Select(r => c[r])], [.. rows.Select(r => unit[r])], [.. rows.Select(r => time[r])])).ToArray();
        int k = rx.Length;
        var a = new double[k, k + 1];
        for (int p = 0; p < k; p++)
        {
            for (int q = 0; q < k; q++) for (int i = 0; i < ry.Length; i++) a[p, q] += rx[p][i] * rx[q][i];
            for (int i = 0; i < ry.Length; i++) a[p, k] += rx[p][i] * ry[i];
        }
        for (int p = 0; p < k; p++)
        {
            int pivot = Enumerable.Range(p, k - p).MaxBy(q => Math.Abs(a[q, p]));
            for (int q = 0; q <= k; q++) (a[p, q], a[pivot, q]) = (a[pivot, q], a[p, q]);
            for (int q = 0; q < k; q++)
            {
                if (q == p) continue;
                double f = a[q, p] / a[p, p];
                for (int w = p; w <= k; w++) a[q, w] -= f * a[p, w];
            }
        }
        return [.. Enumerable.Range(0, k).Select(p => a[p, k] / a[p, p])];
    }

    private static double[] Demean(double[] v, int[] unit, int[] time)
    {
        var r = (double[])v.Clone();
        for (int sweep = 0; sweep < 10000; sweep++)
        {
            double change = 0;
            foreach (var key in new[] { unit, time })
            {
                var sum = new Dictionary<int, (double S, int N)>();
                for (int i = 0; i < r.Length; i++) { var (s, c) = sum.GetValueOrDefault(key[i]); sum[key[i]] = (s + r[i], c + 1); }
                for (int i = 0; i < r.Length; i++) { var (s, c) = sum[key[i]]; double m = s / c; r[i] -= m; change = Math.Max(change, Math.Abs(m)); }
            }
            if (change < 1e-13) break;
        }
        return r;
    }
}
