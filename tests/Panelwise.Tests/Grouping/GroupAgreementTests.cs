using Panelwise.Data;
using Panelwise.Methods.Grouping;
using Panelwise.Methods.Indices;
using Xunit;

namespace Panelwise.Tests.Grouping;

/// <summary>The comparison of derived groups with a given classification against brute force: the best one-to-one
/// matching by trying every injective assignment of labels, and the adjusted Rand index by counting the pairs of units
/// (Hubert and Arabie's 2(ad - bc) / ((a + b)(b + d) + (a + c)(c + d)), a different formula from the contingency-table
/// one the library uses).</summary>
public sealed class GroupAgreementTests
{
    /// <summary>A grouping of <paramref name="derived"/>.Length units named u0, u1, ... (each on two rows of the frame)
    /// with the given classification <paramref name="given"/> (null = missing) as text.</summary>
    private static (UnitGroupingResult Grouping, Frame Data) Case(int[] derived, int k, string?[] given)
    {
        var units = Enumerable.Range(0, derived.Length).Select(i => $"u{i}").ToList();
        var rows = units.SelectMany(u => new[] { u, u }).ToList();
        var data = new Frame([
            CategoricalColumn.FromStrings("unit", rows),
            CategoricalColumn.FromStrings("given", [.. given.SelectMany(g => new[] { g, g })]),
        ]);
        var levels = Enumerable.Range(1, k).Select(g => $"g{g}").ToArray();
        var clusters = new ClusterResult(derived, [.. levels.Select(_ => new[] { 0.0 })], new double[k]);
        return (new UnitGroupingResult(data, "cls", ["x"], units, levels, clusters, [], null, null, []), data);
    }

    [Fact]
    public void Matching_and_adjusted_rand_equal_brute_force_on_random_partitions()
    {
        var random = new Random(20240607);
        for (int trial = 0; trial < 300; trial++)
        {
            int n = random.Next(4, 16), k = random.Next(1, 6), m = random.Next(1, 6);
            var derived = Enumerable.Range(0, n).Select(_ => random.Next(k)).ToArray();
            var given = Enumerable.Range(0, n).Select(_ => random.Next(m)).ToArray();
            var names = given.Select(h => $"G{h}").ToArray();
            var (grouping, data) = Case(derived, k, names);

            var result = GroupAgreement.Compare(grouping, data, "unit", "given");

            var present = result.GivenLevels.ToList();
            var h = names.Select(name => present.IndexOf(name)).ToArray();
            Assert.Equal(BestAgreement(derived, k, h, present.Count), result.Agreeing);
            Assert.Equal(n, result.Units);
            // The reported matching is one-to-one and achieves the reported agreement.
            var matched = result.Matching.Where(x => x >= 0).ToList();
            Assert.Equal(matched.Count, matched.Distinct().Count());
            Assert.Equal(Math.Min(k, present.Count), matched.Count);
            Assert.Equal(result.Agreeing, Enumerable.Range(0, n).Count(i => result.Matching[derived[i]] == h[i]));
            double ari = PairCountingAri(derived, h);
            if (double.IsNaN(ari)) Assert.True(double.IsNaN(result.AdjustedRand), $"trial {trial}: expected undefined ARI");
            else Assert.Equal(ari, result.AdjustedRand, 1e-12);
        }
    }

    [Fact]
    public void Identical_partitions_agree_fully_whatever_the_labels()
    {
        // Derived 0,0,1,1,2,2 against C,C,A,A,B,B: matched 1<->C, 2<->A, 3<->B; ARI 1.
        var (grouping, data) = Case([0, 0, 1, 1, 2, 2], 3, ["C", "C", "A", "A", "B", "B"]);
        var result = GroupAgreement.Compare(grouping, data, "unit", "given");
        Assert.Equal(6, result.Agreeing);
        Assert.Equal(1.0, result.Share);
        Assert.Equal(1.0, result.AdjustedRand, 1e-12);
        Assert.Equal(["C", "A", "B"], result.GivenLevels);
        Assert.Equal([0, 1, 2], result.Matching);
        Assert.Null(result.AgreeingAsLabelled);
    }

    [Fact]
    public void Labels_that_name_given_groups_are_also_compared_as_labelled()
    {
        // Labels g1, g2 equal the given values: as labelled, units 0, 1 (g1 = g1) and 3 (g2 = g2) agree; best matching 3 too.
        var (grouping, data) = Case([0, 0, 1, 1], 2, ["g1", "g1", "g1", "g2"]);
        var result = GroupAgreement.Compare(grouping, data, "unit", "given");
        Assert.Equal(3, result.AgreeingAsLabelled);
        Assert.Equal(3, result.Agreeing);
    }

    [Fact]
    public void Units_without_a_given_value_are_left_out_and_named()
    {
        var (grouping, data) = Case([0, 0, 1, 1], 2, ["A", null, "B", "B"]);
        var result = GroupAgreement.Compare(grouping, data, "unit", "given");
        Assert.Equal(3, result.Units);
        Assert.Equal(["u1"], result.LeftOut);
        Assert.Equal(3, result.Agreeing);
    }

    [Fact]
    public void A_numeric_given_column_is_compared_by_value_in_ascending_order()
    {
        var (grouping, _) = Case([0, 0, 1, 1], 2, ["x", "x", "x", "x"]);
        var data = grouping.Data.With(new NumericColumn("code", [3, 3, 3, 3, 1, 1, 1, 1]));
        var result = GroupAgreement.Compare(grouping, data, "unit", "code");
        Assert.Equal(["1", "3"], result.GivenLevels);
        Assert.Equal([1, 0], result.Matching);
        Assert.Equal(4, result.Agreeing);
    }

    [Fact]
    public void A_given_value_that_varies_within_a_unit_is_refused_with_the_unit()
    {
        var (grouping, _) = Case([0, 1], 2, ["A", "B"]);
        var data = grouping.Data.With(CategoricalColumn.FromStrings("mixed", ["A", "B", "B", "B"]));
        var ex = Assert.Throws<SpecificationException>(() => GroupAgreement.Compare(grouping, data, "unit", "mixed"));
        Assert.Equal("'mixed' takes more than one value within unit u0 (A, B): compare the groups with a classification of the units, one value per unit.", ex.Message);
    }

    private static int BestAgreement(int[] derived, int k, int[] given, int m)
    {
        int best = 0;
        void Search(int g, int[] map, bool[] used)
        {
            if (g == k)
            {
                best = Math.Max(best, Enumerable.Range(0, derived.Length).Count(i => map[derived[i]] == given[i]));
                return;
            }
            map[g] = -1;
            Search(g + 1, map, used);
            for (int h = 0; h < m; h++)
            {
                if (used[h]) continue;
                used[h] = true;
                map[g] = h;
                Search(g + 1, map, used);
                used[h] = false;
            }
        }
        Search(0, new int[k], new bool[m]);
        return best;
    }

    private static double PairCountingAri(int[] x, int[] y)
    {
        double a = 0, b = 0, c = 0, d = 0;
        for (int i = 0; i < x.Length; i++)
            for (int j = i + 1; j < x.Length; j++)
            {
                bool sx = x[i] == x[j], sy = y[i] == y[j];
                if (sx && sy) a++;
                else if (sx) b++;
                else if (sy) c++;
                else d++;
            }
        double den = (a + b) * (b + d) + (a + c) * (c + d);
        return den == 0 ? double.NaN : 2 * (a * d - b * c) / den;
    }
}
