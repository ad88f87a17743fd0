namespace Panelwise.Methods.Matching;

/// <summary>Prefix sums kept in double-double (Knuth's TwoSum: a high part and the rounding error collected in a low
/// part), so that the sum over any range [a, b) is the difference of two prefixes with an error of about one rounding
/// of the range's own sum, however large the prefixes before it are. Plain prefix sums would lose
/// log10(prefix / range) digits, which over 10⁶ sorted units is too many for matching weights that must agree with
/// the direct sums to 1e-10.</summary>
internal sealed class CompensatedPrefix
{
    private readonly double[] _high;
    private readonly double[] _low;

    public CompensatedPrefix(double[] values)
    {
        _high = new double[values.Length + 1];
        _low = new double[values.Length + 1];
        double high = 0, low = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i], sum = high + x, back = sum - high;
            low += (high - (sum - back)) + (x - back);
            high = sum;
            _high[i + 1] = high;
            _low[i + 1] = low;
        }
    }

    /// <summary>Σ values[i] for i in [from, to).</summary>
    public double Range(int from, int to) => (_high[to] - _high[from]) + (_low[to] - _low[from]);
}
