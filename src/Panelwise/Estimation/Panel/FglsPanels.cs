namespace Panelwise.Estimation.Panel;

/// <summary>The error variance across panels in feasible GLS (Stata <c>xtgls, panels()</c>).</summary>
public enum FglsPanels
{
    /// <summary>One variance σ² for all panels.</summary>
    Iid,

    /// <summary>A variance σ_i² per panel.</summary>
    Hetero,

    /// <summary>Heteroskedastic and contemporaneously correlated across panels: Σ (n × n), balanced panels only.</summary>
    Correlated,
}
