namespace Panelwise.Inference;

/// <summary>Driscoll and Kraay (1998) covariance, robust to cross-sectional and serial correlation: the scores
/// (within-transformed when fixed effects are absorbed) are summed by period, h_t = Σ_i x̃_it w_it e_it, and
/// S = Ω_0 + Σ_{l=1..m} (1 - l/(m+1)) (Ω_l + Ω_l'), Ω_l = Σ_t h_t h_{t-l}'; V = B S B, B = (X'WX)⁻¹, with no
/// finite-sample factor and t(T-1) inference (Hoechle 2007, xtscc; equal to plm::vcovSCC). Needs --panel.</summary>
public sealed record DriscollKraayVcovSpec(int? Lag) : VcovSpec
{
    public override string Family => "driscoll_kraay";

    public override string ToString() => Lag is int m ? $"dk:{m}" : "dk";
}
