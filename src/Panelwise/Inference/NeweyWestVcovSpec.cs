namespace Panelwise.Inference;

/// <summary>Newey and West (1987) covariance on the panel time: serial correlation within each unit up to lag m,
/// none across units. S = Σ_i s_i s_i' + Σ_{l=1..m} (1 - l/(m+1)) Σ_{(i,t)} (s_it s_i,t-l' + s_i,t-l s_it'),
/// s_it = x_it w_it e_it, pairs only within a unit and l periods apart; V = N/(N-K) · B S B with t(N-K), K as for
/// HC1 (Stata's <c>newey</c> small-sample convention, so lag 0 equals hc1; plm::vcovNW with type "HC0" has no
/// factor). Needs --panel.</summary>
public sealed record NeweyWestVcovSpec(int? Lag) : VcovSpec
{
    public override string Family => "newey_west";

    public override string ToString() => Lag is int m ? $"nw:{m}" : "nw";
}
