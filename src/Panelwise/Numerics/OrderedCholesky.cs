namespace Panelwise.Numerics;

/// <summary>Cholesky factorisation of a Gram matrix in the caller's column order with rank detection: a column
/// whose squared norm left after the earlier kept columns is at most tolerance^2 times its reference squared norm
/// is dropped (the same rule as <see cref="OrderedQr"/>, on the normal equations).</summary>
public sealed class OrderedCholesky
{
    private OrderedCholesky(double[,] l, int[] kept, int[] dropped, double smallestRatio)
    {
        L = l;
        Kept = kept;
        Dropped = dropped;
        SmallestRatio = smallestRatio;
    }

    /// <summary>Lower-triangular factor of the kept block.</summary>
    public double[,] L { get; }

    public int[] Kept { get; }

    public int[] Dropped { get; }

    /// <summary>Smallest kept ratio of remaining to reference squared norm (1 - R² of a column on the earlier ones):
    /// the normal equations square the condition number, so a tiny ratio sends the caller to QR.</summary>
    public double SmallestRatio { get; }

    public static OrderedCholesky Factor(double[,] gram, ReadOnlySpan<double> referenceSquaredNorms, double tolerance)
    {
        int p = gram.GetLength(0);
        var kept = new List<int>();
        var dropped = new List<int>();
        var l = new double[p, p];       // indexed by position in kept
        double smallest = 1;
        for (int j = 0; j < p; j++)
        {
            int q = kept.Count;
            var row = new double[q];
            for (int k = 0; k < q; k++)
            {
                double s = gram[j, kept[k]];
                for (int m = 0; m < k; m++) s -= row[m] * l[k, m];
                row[k] = s / l[k, k];
            }
            double d = gram[j, j];
            for (int m = 0; m < q; m++) d -= row[m] * row[m];
            double reference = referenceSquaredNorms.IsEmpty ? gram[j, j] : referenceSquaredNorms[j];
            if (d <= tolerance * tolerance * reference || d <= 0)
            {
                dropped.Add(j);
                continue;
            }
            smallest = Math.Min(smallest, d / reference);
            for (int m = 0; m < q; m++) l[q, m] = row[m];
            l[q, q] = Math.Sqrt(d);
            kept.Add(j);
        }
        int size = kept.Count;
        var compact = new double[size, size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j <= i; j++) compact[i, j] = l[i, j];
        return new OrderedCholesky(compact, kept.ToArray(), dropped.ToArray(), smallest);
    }

    /// <summary>Solves (L L') b = rhs for the kept block; <paramref name="rhs"/> is indexed like the kept columns.</summary>
    public double[] Solve(ReadOnlySpan<double> rhs)
    {
        int q = Kept.Length;
        var z = new double[q];
        for (int i = 0; i < q; i++)
        {
            double s = rhs[i];
            for (int k = 0; k < i; k++) s -= L[i, k] * z[k];
            z[i] = s / L[i, i];
        }
        var b = new double[q];
        for (int i = q - 1; i >= 0; i--)
        {
            double s = z[i];
            for (int k = i + 1; k < q; k++) s -= L[k, i] * b[k];
            b[i] = s / L[i, i];
        }
        return b;
    }

    /// <summary>(L L')^-1 of the kept block.</summary>
    public double[,] Inverse()
    {
        int q = Kept.Length;
        var result = new double[q, q];
        var e = new double[q];
        for (int c = 0; c < q; c++)
        {
            Array.Clear(e);
            e[c] = 1;
            var col = Solve(e);
            for (int r = 0; r < q; r++) result[r, c] = col[r];
        }
        return result;
    }
}
