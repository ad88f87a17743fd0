namespace Panelwise.Methods.Matching;

/// <summary>What <see cref="PropensityMatching"/> does: the propensity model, the matching rule and the outcome.</summary>
public sealed record MatchingSpec
{
    /// <summary>Treatment indicator column (1 = treated, 0 = control).</summary>
    public required string Treatment { get; init; }

    /// <summary>Covariate columns of the propensity model.</summary>
    public required IReadOnlyList<string> Covariates { get; init; }

    /// <summary>Outcome column for the ATT; null to match only.</summary>
    public string? Outcome { get; init; }

    /// <summary>Probit instead of logit.</summary>
    public bool Probit { get; init; }

    /// <summary>Nearest neighbours (default), radius or kernel matching.</summary>
    public MatchingMethod Method { get; init; } = MatchingMethod.Nearest;

    /// <summary>Kernel bandwidth in score units; 0.06 is psmatch2's default <c>bwidth</c>.</summary>
    public double Bandwidth { get; init; } = 0.06;

    /// <summary>Bootstrap replications for the ATT's standard error (0 = none). Each resamples the sample's rows with
    /// replacement and re-estimates the score, the matches and the ATT.</summary>
    public int BootstrapReps { get; init; }

    /// <summary>Abadie-Imbens (2006) analytic standard error of the ATT with J same-group neighbours for the conditional
    /// variance (psmatch2 <c>ai(J)</c>); 0 = none. Nearest-neighbour matching with replacement only.</summary>
    public int AbadieImbensNeighbours { get; init; }

    /// <summary>Neighbours per treated unit (1:K).</summary>
    public int Neighbours { get; init; } = 1;

    /// <summary>Largest allowed |p_t - p_c| in raw score units (psmatch2); null for none.</summary>
    public double? Caliper { get; init; }

    /// <summary>Controls may be reused (psmatch2's default); false = greedy matching without replacement.</summary>
    public bool Replace { get; init; } = true;

    /// <summary>With replacement: average all controls tied at the K-th distance (|d - d_K| ≤ 1e-10, psmatch2 <c>ties</c>);
    /// without it the first in data order is taken.</summary>
    public bool Ties { get; init; }

    /// <summary>Without replacement: the order treated units choose in, by score: largest (MatchIt's default), smallest, data, random.</summary>
    public string Order { get; init; } = "largest";

    /// <summary>Drop treated units whose score lies outside the controls' [min, max] (psmatch2 <c>common</c>).</summary>
    public bool CommonSupport { get; init; }

    /// <summary>Radius and kernel: also build the explicit list of matched pairs (<see cref="MatchingResult.Pairs"/>), which
    /// takes memory and time in Σ_t m_t (up to T·C at a wide bandwidth). Everything else comes from the per-unit weights
    /// without it. Nearest-neighbour matching always lists its pairs.</summary>
    public bool KeepPairs { get; init; }

    /// <summary>Seed for <c>Order = random</c> and for the bootstrap draws.</summary>
    public int Seed { get; init; } = 12345;
}
