using Panelwise.Methods.Indices;
using Xunit;

namespace Panelwise.Tests.Indices;

/// <summary>Small examples worked by hand (derivations in each test's comment).</summary>
public sealed class HandCheckedTests
{
    private const double Tolerance = 1e-12;

    /// <summary>CRITIC, Diakoulaki, Mavrotas and Papayannakis (1995), Computers &amp; OR 22(7): 763-770:
    /// C_j = sigma_j sum_k (1 - r_jk), w_j = C_j / sum C. With a = (0, .5, 1), b = (0, 1, .5), c = (1, 0, 0):
    /// sigma_a = sigma_b = 1/2, sigma_c = 1/sqrt 3; r_ab = 1/2, r_ac = r_bc = -sqrt 3/2. So C_a = C_b =
    /// (1/2)(3/2 + sqrt 3/2) = 3/4 + sqrt 3/4 and C_c = (2 + sqrt 3)/sqrt 3 = 1 + 2/sqrt 3.</summary>
    [Fact]
    public void Critic_weights_of_a_three_by_three_example()
    {
        double[] a = [0, 0.5, 1], b = [0, 1, 0.5], c = [1, 0, 0];
        var result = CriticWeights.Compute([a, b, c]);
        double s3 = Math.Sqrt(3), ca = 0.75 + s3 / 4, cc = 1 + 2 / s3, total = 2 * ca + cc;
        Assert.Equal(0.5, result.StdDev[0], Tolerance);
        Assert.Equal(1 / s3, result.StdDev[2], Tolerance);
        Assert.Equal(1.5 + s3 / 2, result.Conflict[0], Tolerance);
        Assert.Equal(2 + s3, result.Conflict[2], Tolerance);
        Assert.Equal(ca / total, result.Weights[0], Tolerance);
        Assert.Equal(ca / total, result.Weights[1], Tolerance);
        Assert.Equal(cc / total, result.Weights[2], Tolerance);
    }

    /// <summary>TOPSIS, Hwang and Yoon (1981), Multiple Attribute Decision Making, ch. 3.3: v = w z, ideal V+ = max v,
    /// anti-ideal V- = min v, C = D-/(D+ + D-). With w = (.75, .25) and rows (1,0), (0,1), (1,1), (0,0), (.5,.5):
    /// V+ = (.75, .25), V- = 0. Row (1,0): D+ = .25, D- = .75, C = .75; row (0,1): C = .25; (1,1): 1; (0,0): 0;
    /// (.5,.5): v = (.375, .125), D+ = D- = sqrt(.15625), C = .5.</summary>
    [Fact]
    public void Topsis_closeness_of_a_two_indicator_example()
    {
        double[] z1 = [1, 0, 1, 0, 0.5], z2 = [0, 1, 1, 0, 0.5];
        var closeness = Topsis.Closeness([z1, z2], [0.75, 0.25]);
        double[] expected = [0.75, 0.25, 1, 0, 0.5];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], closeness[i], Tolerance);
    }

    /// <summary>Coupling coordination, Wang et al. (2021), J. Natural Resources 36(3): 793-810, eq. (1):
    /// C = n (prod U)^(1/n) / sum U, T = sum alpha U, D = sqrt(C T); bands from Liao (1999).
    /// Two subsystems (.4, .9): C = 2 (.6)/1.3 = 12/13, T = .65, C T = .6, D = sqrt .6 = .7746 (intermediate).
    /// Three subsystems (.2, .4, .8): product .064, cube root .4, C = 1.2/1.4 = 6/7, T = 1.4/3, C T = .4,
    /// D = sqrt .4 = .6325 (primary coordination).</summary>
    [Fact]
    public void Coupling_coordination_of_two_and_three_subsystems()
    {
        var two = CouplingCoordination.Compute([[0.4], [0.9]]);
        Assert.Equal(12.0 / 13.0, two.Coupling[0], Tolerance);
        Assert.Equal(0.65, two.Development[0], Tolerance);
        Assert.Equal(Math.Sqrt(0.6), two.Coordination[0], Tolerance);
        Assert.Equal("intermediate coordination", CouplingCoordination.Grade(two.Coordination[0])!.Name);

        var three = CouplingCoordination.Compute([[0.2], [0.4], [0.8]]);
        Assert.Equal(6.0 / 7.0, three.Coupling[0], Tolerance);
        Assert.Equal(1.4 / 3.0, three.Development[0], Tolerance);
        Assert.Equal(Math.Sqrt(0.4), three.Coordination[0], Tolerance);
        Assert.Equal("初级协调", CouplingCoordination.Grade(three.Coordination[0])!.ChineseName);
    }

    /// <summary>Band edges: D in [.5, .6) is barely coordinated, 1 is in the top band, 0 in the bottom one.</summary>
    [Fact]
    public void Coupling_bands_are_half_open_with_a_closed_top()
    {
        Assert.Equal("barely coordinated", CouplingCoordination.Grade(0.5)!.Name);
        Assert.Equal("verge of imbalance", CouplingCoordination.Grade(0.4999999)!.Name);
        Assert.Equal("high-quality coordination", CouplingCoordination.Grade(1.0)!.Name);
        Assert.Equal("extreme imbalance", CouplingCoordination.Grade(0.0)!.Name);
    }

    /// <summary>Entropy by hand (seed 003, eqs. 6-8): x = (0, 1) gives p = (0, 1), e = 0 (0 ln 0 = 0), d = 1;
    /// y = (1, 1) gives e = 1, d = 0; so w = (1, 0).</summary>
    [Fact]
    public void Entropy_of_a_two_row_example_uses_zero_log_zero()
    {
        var result = EntropyWeights.Compute([[0, 1], [1, 1]]);
        Assert.Equal(0, result.Entropy[0], Tolerance);
        Assert.Equal(1, result.Entropy[1], Tolerance);
        Assert.Equal([1.0, 0.0], result.Weights);
        Assert.True(result.Constant[1]);
    }
}
