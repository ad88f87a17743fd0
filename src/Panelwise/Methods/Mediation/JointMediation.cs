using Panelwise.Methods.Resampling;

namespace Panelwise.Methods.Mediation;

/// <summary>All mediators in one outcome equation: each path a_j·b_j (b_j from the joint equation) and the total
/// indirect effect Σ a_j b_j. Its delta-method variance is Σ_jk [b_j b_k Cov(a_j, a_k) + a_j a_k Cov(b_j, b_k)]
/// (the Sobel approximation, which drops the s_a²s_b² terms), with Cov(b) from the joint equation and
/// Cov(a_j, a_k) = r_jk s_aj s_ak, r_jk the correlation of the a-equations' residuals: exact for iid errors (the
/// a-equations share their regressors, as in SUR), an approximation under robust or cluster variance, where the
/// bootstrap interval is the one to trust.</summary>
public sealed record JointMediation
{
    public required PathEstimate Total { get; init; }
    public required PathEstimate Direct { get; init; }
    public required IReadOnlyList<MediatorResult> Paths { get; init; }
    public required PathEstimate Indirect { get; init; }
    public required ProductTest Sobel { get; init; }
    public BootstrapInterval? Bootstrap { get; init; }
    public required double Share { get; init; }
}
