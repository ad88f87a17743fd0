namespace Panelwise.Inference;

/// <summary>The model-based covariance of a GLS fit computed as OLS on data already transformed by Ω̂^(-1/2):
/// V = (X*'X*)⁻¹ = (X'Ω̂⁻¹X)⁻¹ with no further scale, and z inference (Stata xtgls). Meaningless for an untransformed
/// fit, so it is not offered by <see cref="VcovSpec.Parse"/>; <c>Fgls</c> sets it.</summary>
public sealed record GlsVcovSpec(string Description) : VcovSpec
{
    public override string Family => "gls";

    public override string ToString() => "gls";
}
