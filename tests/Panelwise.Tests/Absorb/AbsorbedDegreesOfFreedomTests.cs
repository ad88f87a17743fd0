using Panelwise.Absorb;
using Panelwise.Estimation;
using Xunit;

namespace Panelwise.Tests.Absorb;

/// <summary>Absorbed degrees of freedom against the rank of the dummies: exact for two effects (connected components),
/// an upper bound that is never below the rank for three, and tighter than counting L - 1 per further effect when the
/// third effect is split by the components of an earlier one.</summary>
public class AbsorbedDegreesOfFreedomTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ExactForTwoEffectsAndABoundForThree(int seed)
    {
        var rng = new Random(seed);
        int n = 400;
        var a = new int[n]; var b = new int[n]; var c = new int[n];
        for (int i = 0; i < n; i++)
        {
            int block = i % 3; // three mobility groups of (a, b); c's levels live inside one block each
            a[i] = block * 40 + rng.Next(40);
            b[i] = block * 10 + rng.Next(10);
            c[i] = block * 2 + rng.Next(2);
        }
        var all = Enumerable.Repeat(true, n).ToArray();
        // Dense codes: a level no row drew would be an isolated node, i.e. a component of its own.
        var fa = new FixedEffect("a", a, 120).Filter(all, n);
        var fb = new FixedEffect("b", b, 30).Filter(all, n);
        var fc = new FixedEffect("c", c, 6).Filter(all, n);
        Assert.Equal(3, FixedEffectGraph.Components(fa, fb));
        Assert.Equal(DummyProjection.Rank([fa, fb]) - 1, DegreesOfFreedom.Absorbed([fa, fb]));
        int bound = DegreesOfFreedom.Absorbed([fa, fb, fc]);
        Assert.True(bound >= DummyProjection.Rank([fa, fb, fc]) - 1);
        // c's levels stay inside a's blocks: the rule sees 3 components of (a, c) where L - 1 would assume 1.
        Assert.Equal(DegreesOfFreedom.Absorbed([fa, fb]) + 6 - 3, bound);
        Assert.Equal(3, FixedEffectGraph.Components([fa, fb, fc]));
    }
}
