using FsCheck.Xunit;
using Panelwise.Data;
using Xunit;

namespace Panelwise.Tests.Data;

public class FactorizerTests
{
    [Fact]
    public void IntegerValuesGetSortedCodes()
    {
        var (codes, levels) = Factorizer.FactorizeWithLevels(new NumericColumn("year", [2003, 2001, double.NaN, 2003, 2010]));
        Assert.Equal([1, 0, -1, 1, 2], codes);
        Assert.Equal(["2001", "2003", "2010"], levels);
    }

    [Fact]
    public void FractionalValuesUseTheHashPath()
    {
        var (codes, levels) = Factorizer.FactorizeWithLevels(new NumericColumn("x", [0.5, -1.25, 0.5, 1e300]));
        Assert.Equal([1, 0, 1, 2], codes);
        Assert.Equal(["-1.25", "0.5", "1E+300"], levels);
    }

    [Fact]
    public void CategoricalDropsUnusedLevelsAndSortsText()
    {
        var column = new CategoricalColumn("r", [2, -1, 0, 2], ["west", "unused", "east"]);
        var (codes, levels) = Factorizer.FactorizeWithLevels(column);
        Assert.Equal([0, -1, 1, 0], codes);
        Assert.Equal(["east", "west"], levels);
    }

    [Fact]
    public void AllMissingHasNoLevels()
    {
        var (codes, count) = Factorizer.Factorize(new NumericColumn("x", [double.NaN, double.NaN]));
        Assert.Equal([-1, -1], codes);
        Assert.Equal(0, count);
    }

    [Fact]
    public void InteractCompactsCombinations()
    {
        var (codes, count) = Factorizer.Interact([0, 1, 0, -1, 1], 2, [2, 0, 2, 1, 1], 3);
        Assert.Equal(3, count);
        Assert.Equal([0, 1, 0, -1, 2], codes);
    }

    [Property(MaxTest = 200)]
    public bool LookupAndHashPathsAgree(int[] raw, byte scale, bool fractional)
    {
        // Some NaNs and some negative zeros, integers over a small range, or fractions.
        var values = new double[raw.Length];
        for (int i = 0; i < raw.Length; i++)
            values[i] = raw[i] % 7 == 0 ? double.NaN : raw[i] % 11 == 0 ? -0.0 : (raw[i] % (scale + 2)) / (fractional ? 4.0 : 1.0);
        var fast = Factorizer.FactorizeNumeric(values, allowLookup: true);
        var hashed = Factorizer.FactorizeNumeric(values, allowLookup: false);
        return fast.Codes.SequenceEqual(hashed.Codes) && fast.Values.SequenceEqual(hashed.Values);
    }

    [Property(MaxTest = 100)]
    public bool InteractPathsAgreeWithPairOrdering(byte[] a, byte[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        var codesA = a.Take(n).Select(v => v % 5 - 1).ToArray();
        var codesB = b.Take(n).Select(v => v % 4 - 1).ToArray();
        var (codes, count) = Factorizer.Interact(codesA, 4, codesB, 3);
        var pairs = Enumerable.Range(0, n).Where(i => codesA[i] >= 0 && codesB[i] >= 0)
            .Select(i => (codesA[i], codesB[i])).Distinct().Order().ToList();
        for (int i = 0; i < n; i++)
        {
            int expected = codesA[i] < 0 || codesB[i] < 0 ? -1 : pairs.IndexOf((codesA[i], codesB[i]));
            if (codes[i] != expected) return false;
        }
        return count == pairs.Count;
    }

    /// <summary>Above a million rows the lookup path scans in parallel blocks; it must still agree with hashing.</summary>
    [Fact]
    public void ParallelLookupOnLongColumnsAgreesWithHashing()
    {
        var rng = new Random(5);
        var values = new double[3_000_001];
        for (int i = 0; i < values.Length; i++) values[i] = rng.Next(50) == 0 ? double.NaN : 2000 + rng.Next(40_000);
        var fast = Factorizer.FactorizeNumeric(values, allowLookup: true);
        var hashed = Factorizer.FactorizeNumeric(values, allowLookup: false);
        Assert.Equal(hashed.Values, fast.Values);
        Assert.Equal(hashed.Codes, fast.Codes);
    }
}
