namespace Panelwise.Methods.Matching;

/// <summary>Σ_i m_i K((q - s_i)/h) over a run of units sorted by score, with the Epanechnikov K(u) = ¾(1 - u²), in
/// O(1) prefix differences instead of a sum over the run: with u = a - b, a = (q - c)/h and b_i = (s_i - c)/h,
/// Σ m_i (1 - u²) = (1 - a²) Σ m_i + 2a Σ m_i b_i - Σ m_i b_i². The expansion cancels terms of size a² and b², so the
/// centre c is local: the score axis is cut into cells of width h, each unit's b is measured from its own cell's centre
/// (|b| ≤ ½), and a run (width ≤ 2h) is summed cell by cell (at most 3-4 pieces, |a| ≤ 3). The prefixes are
/// compensated (<see cref="CompensatedPrefix"/>). Each query also returns the size of the cancelled terms, so the caller
/// can fall back to the direct sum when the result is small next to them (a run whose units all sit near the kernel's edge).
/// The weights m_i must be non-negative.</summary>
internal sealed class EpanechnikovSums
{
    private readonly double[] _scores;
    private readonly double[] _cell;   // floor((s - origin)/h) as a double: monotone and never overflows
    private readonly double _origin;
    private readonly double _h;
    private readonly CompensatedPrefix _m0;
    private readonly CompensatedPrefix _m1;
    private readonly CompensatedPrefix _m2;

    public EpanechnikovSums(double[] sortedScores, double[] weights, double bandwidth)
    {
        int n = sortedScores.Length;
        _scores = sortedScores;
        _h = bandwidth;
        _origin = n > 0 ? sortedScores[0] : 0;
        _cell = new double[n];
        var w1 = new double[n];
        var w2 = new double[n];
        for (int i = 0; i < n; i++)
        {
            _cell[i] = Math.Floor((sortedScores[i] - _origin) / _h);
            double b = (sortedScores[i] - Centre(_cell[i])) / _h;
            w1[i] = weights[i] * b;
            w2[i] = weights[i] * b * b;
        }
        _m0 = new CompensatedPrefix(weights);
        _m1 = new CompensatedPrefix(w1);
        _m2 = new CompensatedPrefix(w2);
    }

    /// <summary>Σ_{i in [from, to)} m_i ¾(1 - ((q - s_i)/h)²) and the sum of the magnitudes of the expanded terms (its
    /// rounding error is about 1e-16 times that magnitude).</summary>
    public (double Sum, double Magnitude) Query(double q, int from, int to)
    {
        double sum = 0, magnitude = 0;
        for (int i = from; i < to;)
        {
            double cell = _cell[i];
            int end = EndOfCell(cell, i, to);
            double a = (q - Centre(cell)) / _h;
            double s0 = _m0.Range(i, end), s1 = _m1.Range(i, end), s2 = Math.Max(0, _m2.Range(i, end));
            sum += (1 - a * a) * s0 + 2 * a * s1 - s2;
            magnitude += (1 + a * a) * s0 + 2 * Math.Abs(a) * Math.Sqrt(Math.Max(0, s0) * s2) + s2;
            i = end;
        }
        return (0.75 * sum, 0.75 * magnitude);
    }

    private double Centre(double cell) => _origin + (cell + 0.5) * _h;

    /// <summary>First index in (from, to] whose cell is past <paramref name="cell"/> (cells are non-decreasing).</summary>
    private int EndOfCell(double cell, int from, int to)
    {
        int lo = from + 1, hi = to;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_cell[mid] <= cell) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
