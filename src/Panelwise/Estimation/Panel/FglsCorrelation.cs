namespace Panelwise.Estimation.Panel;

/// <summary>Serial correlation within panels in feasible GLS (Stata <c>xtgls, corr()</c>).</summary>
public enum FglsCorrelation
{
    /// <summary>No autocorrelation.</summary>
    Independent,

    /// <summary>AR(1) with one ρ common to all panels (the average of the panel ρ_i).</summary>
    Ar1,

    /// <summary>AR(1) with a panel-specific ρ_i.</summary>
    Psar1,
}
