using System.Runtime.CompilerServices;

namespace Panelwise.Absorb;

/// <summary>The firm + year case: rows grouped by the big effect, one small effect, no weights. All columns are
/// demeaned together, the rows split into ranges of whole groups across threads: each group's codes are read once for
/// every column, the columns' dependent sums overlap, and the threads stay balanced whatever the number of columns.</summary>
public sealed partial class DirectSmallEffects
{
    private bool IsPanelCase => _groupStarts is not null && _weights is null && _smallCodes.Length == 1;

    /// <summary>Demeans every column, stores Σ x̃² of column c in <paramref name="withinSquares"/>[c] and adds
    /// <paramref name="shifts"/>[c] to it (see <see cref="DemeanAndShift"/>). With <paramref name="centredSquares"/>,
    /// the shifts are outputs instead: each column's mean, with its sum of squares about it in centredSquares. Pass 1
    /// removes the group means and sums the result per small level; the small system is solved per column; pass 2
    /// removes the fitted small effects net of their group means.</summary>
    private void DemeanPanel(IReadOnlyList<double[]> columns, double[] shifts, double[] withinSquares, double[]? centredSquares)
    {
        var starts = _groupStarts!;
        int k = columns.Count, size = _offsets[^1], groups = starts.Length - 1;
        int parts = Math.Max(1, Math.Min(_options.Threads > 0 ? _options.Threads : Environment.ProcessorCount, groups / 1024));
        var cuts = new int[parts + 1];
        for (int r = 1; r <= parts; r++) cuts[r] = (int)((long)groups * r / parts);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parts };

        var sums = new double[parts][];
        var moments = new Moments[parts];
        Parallel.For(0, parts, options, r =>
        {
            moments[r] = new Moments(k);
            sums[r] = RemoveGroupMeans(columns, cuts[r], cuts[r + 1], size, centredSquares is null ? null : moments[r]);
        });
        if (centredSquares is not null)
        {
            for (int r = 1; r < parts; r++) moments[0].Merge(moments[r]);
            Array.Copy(moments[0].Means, shifts, k);
            Array.Copy(moments[0].Squares, centredSquares, k);
        }
        var fitted = new double[k][];
        for (int c = 0; c < k; c++)
        {
            var rhs = new double[size];
            foreach (var part in sums)
                for (int j = 0; j < size; j++) rhs[j] += part[c * size + j];
            fitted[c] = _gram.Solve(rhs);
        }
        var squares = new double[parts][];
        Parallel.For(0, parts, options, r => squares[r] = RemoveSmallEffects(columns, fitted, shifts, cuts[r], cuts[r + 1]));
        for (int c = 0; c < k; c++)
        {
            withinSquares[c] = 0;
            foreach (var part in squares) withinSquares[c] += part[c];
        }
    }

    /// <summary>Pass 1 over groups [from, to): x -= group mean; returns the sums of the result per column and small
    /// level, and merges each group's mean and within squares into <paramref name="moments"/> when given.</summary>
    private double[] RemoveGroupMeans(IReadOnlyList<double[]> columns, int from, int to, int size, Moments? moments)
    {
        var starts = _groupStarts!;
        var inverse = _inverseBigWeights;
        var codes = _smallCodes[0];
        var sums = new double[columns.Count * size];
        for (int l = from; l < to; l++)
        {
            int s = starts[l], length = starts[l + 1] - s;
            var cs = codes.AsSpan(s, length);
            moments?.AddGroup(length);
            for (int c = 0; c < columns.Count; c++)
            {
                var xs = columns[c].AsSpan(s, length);
                var rhs = sums.AsSpan(c * size, size);
                double sum = 0;
                for (int i = 0; i < xs.Length; i++) sum += xs[i];
                double mean = sum * inverse[l];
                double squares = 0;
                for (int i = 0; i < xs.Length; i++)
                {
                    double v = xs[i] - mean;
                    xs[i] = v;
                    rhs[cs[i]] += v;
                    squares += v * v;
                }
                moments?.MergeGroup(c, mean, squares);
            }
        }
        return sums;
    }

    /// <summary>Pass 2 over groups [from, to): x -= g[code] - group mean of g, then Σ x² and x += shift; returns Σ x² per column.</summary>
    private double[] RemoveSmallEffects(IReadOnlyList<double[]> columns, double[][] fitted, double[] shifts, int from, int to)
    {
        var starts = _groupStarts!;
        var inverse = _inverseBigWeights;
        var codes = _smallCodes[0];
        var squares = new double[columns.Count];
        for (int l = from; l < to; l++)
        {
            int s = starts[l], length = starts[l + 1] - s;
            var cs = codes.AsSpan(s, length);
            for (int c = 0; c < columns.Count; c++)
            {
                var xs = columns[c].AsSpan(s, length);
                var g = fitted[c];
                double shift = shifts[c];
                double acc = 0;
                for (int i = 0; i < cs.Length; i++) acc += g[cs[i]];
                double mean = acc * inverse[l];
                double sq = 0;
                for (int i = 0; i < xs.Length; i++)
                {
                    double v = xs[i] - (g[cs[i]] - mean);
                    sq += v * v;
                    xs[i] = v + shift;
                }
                squares[c] += sq;
            }
        }
        return squares;
    }

    /// <summary>Running count, mean and sum of squares about the mean per column, merged group by group and range by
    /// range with the update of Chan, Golub and LeVeque (1979): stable, where Σx² - n·x̄² would lose digits.</summary>
    private sealed class Moments(int columns)
    {
        private double _count, _previous, _ratio, _spread;

        public double[] Means { get; } = new double[columns];
        public double[] Squares { get; } = new double[columns];

        /// <summary>The next group has <paramref name="length"/> rows: the merge factors shared by every column.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddGroup(int length)
        {
            _previous = _count;
            _count += length;
            _ratio = length / _count;
            _spread = _previous * _ratio;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void MergeGroup(int column, double groupMean, double groupSquares)
        {
            double delta = groupMean - Means[column];
            Means[column] += delta * _ratio;
            Squares[column] += groupSquares + delta * delta * _spread;
        }

        public void Merge(Moments other)
        {
            double total = _count + other._count;
            if (other._count == 0) return;
            for (int c = 0; c < Means.Length; c++)
            {
                double delta = other.Means[c] - Means[c];
                Means[c] += delta * (other._count / total);
                Squares[c] += other.Squares[c] + delta * delta * (_count * other._count / total);
            }
            _count = total;
        }
    }
}
