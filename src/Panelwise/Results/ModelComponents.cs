namespace Panelwise.Results;

/// <summary>Panel-model quantities that Stata's xtreg reports beside the coefficients; null where they do not apply.
/// sigma_u: SD of the unit effects; sigma_e: SD of the idiosyncratic error; rho = sigma_u²/(sigma_u²+sigma_e²);
/// theta: the random-effects quasi-demeaning weight; R² between/overall as xtreg defines them.</summary>
public sealed record ModelComponents
{
    public double? SigmaU { get; init; }
    public double? SigmaE { get; init; }
    public double? Rho { get; init; }
    public double? Theta { get; init; }

    /// <summary>Random effects on an unbalanced panel: θ_i differs by unit; its distribution over units.</summary>
    public ThetaSummary? ThetaSummary { get; init; }

    /// <summary>corr(y_it - ȳ_i, (x_it - x̄_i)'b)², for models whose fit has no within R² of its own (re, be).</summary>
    public double? R2Within { get; init; }
    public double? R2Between { get; init; }
    public double? R2Overall { get; init; }
}
