namespace Panelwise.Methods.Multiverse;

/// <summary>The dimensions of a multiverse (Steegen et al. 2016; the specification curve of Simonsohn, Simmons and
/// Nelson 2020): every combination of one choice per dimension is a specification, <c>y ~ x + controls | fe</c> on a
/// sample under a covariance, and the reported coefficient is that of the focal term x. A choice is written as it
/// would appear in a formula; <see cref="None"/> (controls, fixed effects) and <see cref="All"/> (sample) add nothing.</summary>
public sealed record MultiverseSpec
{
    /// <summary>The label of an empty control or fixed-effect set.</summary>
    public const string None = "none";

    /// <summary>The label of the unrestricted sample.</summary>
    public const string All = "all";

    /// <summary>Outcomes y (columns or expressions such as <c>log(y)</c>).</summary>
    public required IReadOnlyList<string> Outcomes { get; init; }

    /// <summary>Focal terms x, e.g. <c>x</c>, <c>winsor(x, 0.01)</c>, <c>l(x, 1)</c>; each spec reports its coefficient.</summary>
    public required IReadOnlyList<string> FocalTerms { get; init; }

    /// <summary>Instrument sets of the focal term (<c>z1 + z2</c>), or <see cref="None"/> for OLS. With instruments
    /// the specification is <c>y ~ controls | fe | x ~ instruments</c>, fitted by the fit options' IV estimator (2SLS
    /// unless they say otherwise), and reports x's coefficient.</summary>
    public IReadOnlyList<string> Instruments { get; init; } = [None];

    /// <summary>Control sets as they would follow <c>+</c> in a formula (<c>c1 + c2</c>), or <see cref="None"/>.</summary>
    public IReadOnlyList<string> ControlSets { get; init; } = [None];

    /// <summary>Fixed-effect sets as after <c>|</c> in a formula (<c>id + year</c>), or <see cref="None"/>.</summary>
    public IReadOnlyList<string> FixedEffectSets { get; init; } = [None];

    /// <summary>Covariances in <see cref="Inference.VcovSpec.Parse"/> syntax (<c>iid</c>, <c>hc1</c>, <c>cluster:id</c>).</summary>
    public IReadOnlyList<string> Vcovs { get; init; } = ["iid"];

    /// <summary>Samples as Stata-style filters (<c>year &lt;= 2022</c>), or <see cref="All"/>; combined with the fit
    /// options' own filter by <c>&amp;</c>.</summary>
    public IReadOnlyList<string> Samples { get; init; } = [All];

    /// <summary>Combinations left out, each a conjunction of <c>dimension = choice</c> clauses joined by <c>&amp;</c>,
    /// e.g. <c>x = l(x, 1) &amp; fe = none</c>; dimensions are y, x, iv, controls, fe, vcov and sample (or if).</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>The baseline specification in the same clause syntax; dimensions it does not name take their first
    /// choice. Its rank within the curve is reported; null for none.</summary>
    public string? Baseline { get; init; }

    /// <summary>Bootstrap draws of the joint test under the null (<see cref="JointTest"/>); 0 = no test.</summary>
    public int JointDraws { get; init; }

    /// <summary>Seed of the joint test's draws.</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>The unit the joint test resamples; null = the panel's unit column when there is one, else rows.</summary>
    public string? ResampleBy { get; init; }
}
