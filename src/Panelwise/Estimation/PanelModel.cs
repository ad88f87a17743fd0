namespace Panelwise.Estimation;

/// <summary>Which estimator <c>Models.Regression.Fit</c> runs on the formula. All but <see cref="Ols"/> need
/// <c>Models.FitOptions.Panel</c>.</summary>
public enum PanelModel
{
    /// <summary>Pooled OLS (absorbing the formula's fixed effects, if any): the default.</summary>
    Ols,

    /// <summary>Within estimator on the panel id, Stata <c>xtreg, fe</c>.</summary>
    FixedEffects,

    /// <summary>OLS with explicit unit dummies, Stata <c>regress y x i.id</c>.</summary>
    DummyVariables,

    /// <summary>Swamy-Arora random effects, Stata <c>xtreg, re</c>.</summary>
    RandomEffects,

    /// <summary>OLS on unit means, Stata <c>xtreg, be</c>.</summary>
    Between,

    /// <summary>OLS on first differences along the panel time, Stata <c>regress D.y D.x</c>.</summary>
    FirstDifference,

    /// <summary>Feasible GLS with panel error structures, Stata <c>xtgls</c> (see <c>Models.Fgls</c>); its
    /// panels/corr settings are <c>Models.FitOptions.Fgls</c>.</summary>
    Fgls,
}
