namespace Panelwise;

/// <summary>A library setting a user message can point at: an option property such as <c>FitOptions.Weights</c>.
/// Messages name a setting with a placeholder <c>{Weights}</c> (the member name in braces) instead of spelling
/// it in one front end's terms; <see cref="SettingText"/> renders the placeholders in library terms (the default
/// <see cref="Exception.Message"/>), the CLI renders them as its flags and the study runner as its YAML keys.</summary>
public enum Setting
{
    /// <summary><c>FitOptions.Panel</c>: the panel's unit and time columns.</summary>
    Panel,
    /// <summary><c>FitOptions.Weights</c>: the analytic weights column.</summary>
    Weights,
    /// <summary><c>FitOptions.Model</c>: the estimator (pooled OLS or a panel model).</summary>
    Model,
    /// <summary><c>FitOptions.Vcov</c>: the covariance estimator.</summary>
    Vcov,
    /// <summary><c>FitOptions.If</c>: the sample filter.</summary>
    If,
    /// <summary><c>FitOptions.ShowFixedEffects</c>: LSDV reports its unit dummies.</summary>
    ShowFixedEffects,
    /// <summary><c>FitOptions.DropOutliers</c>: refit without large standardised residuals.</summary>
    DropOutliers,
    /// <summary><c>VcovSpec.Small = false</c>: large-sample conventions (ivreg2 without small).</summary>
    LargeSample,
    /// <summary><c>IvOptions.EndogeneityTest</c>: the regressors the C test treats as exogenous under H0.</summary>
    EndogeneityTest,
    /// <summary><c>WildBootstrapSpec</c>: the wild cluster bootstrap.</summary>
    WildBootstrap,
    /// <summary><c>AbsorbOptions.MaxIterations</c>: the fixed-effect solver's iteration limit.</summary>
    FixedEffectMaxIterations,
    /// <summary><c>AbsorbOptions.Tolerance</c>: the fixed-effect solver's tolerance.</summary>
    FixedEffectTolerance,
    /// <summary><c>ReadOptions.NaStrings</c>: the cell texts read as missing.</summary>
    NaStrings,
    /// <summary>The output file or folder the caller names.</summary>
    Output,
    /// <summary><c>FglsOptions.Panels</c>: the FGLS panel error structure.</summary>
    FglsPanels,
    /// <summary><c>FglsOptions.Correlation</c>: the FGLS within-panel autocorrelation.</summary>
    FglsCorrelation,
    /// <summary><c>UnitGroupingOptions.Components</c>: the principal components kept before clustering.</summary>
    Components,
    /// <summary><c>UnitGroupingOptions.K</c>: the number of groups.</summary>
    Groups,
    /// <summary><c>IndexNode.Aggregation</c>: how an index combines its indicators.</summary>
    Aggregation,
    /// <summary><c>IndexSpec.Missing</c>: the missing-value policy of an index.</summary>
    Missing,
    /// <summary><c>IndexSpec.UnitColumn</c>: an index's unit column.</summary>
    UnitColumn,
    /// <summary><c>IndexSpec.TimeColumn</c>: an index's time column.</summary>
    TimeColumn,
    /// <summary><c>ComparisonSpec.By</c>: the grouping of a group comparison.</summary>
    By,
    /// <summary><c>MatchingSpec.Order</c>: the order treated units are matched in.</summary>
    Order,
    /// <summary><c>MatchingSpec.Caliper</c>.</summary>
    Caliper,
    /// <summary><c>MatchingSpec.Bandwidth</c>.</summary>
    Bandwidth,
    /// <summary><c>MatchingSpec.CommonSupport</c>.</summary>
    CommonSupport,
    /// <summary><c>MatchingSpec.Treatment</c>.</summary>
    Treatment,
    /// <summary><c>MatchingSpec.Outcome</c>.</summary>
    Outcome,
    /// <summary><c>MatchingSpec.Covariates</c>.</summary>
    Covariates,
    /// <summary><c>MatchingSpec.AbadieImbensNeighbours</c>.</summary>
    AbadieImbens,
    /// <summary><c>MatchingSpec.BootstrapReps</c>.</summary>
    MatchingBootstrap,
    /// <summary><c>MatchingSpec.Method</c>.</summary>
    MatchingMethod,
    /// <summary><c>MatchingSpec.Replace</c>.</summary>
    Replace,
    /// <summary><c>MediationSpec.Mediators</c>.</summary>
    Mediators,
    /// <summary><c>MediationSpec.Controls</c>.</summary>
    Controls,
    /// <summary><c>MediationSpec.FixedEffects</c>.</summary>
    MediationFixedEffects,
    /// <summary><c>MediationSpec.BootstrapReps</c>.</summary>
    MediationBootstrap,
    /// <summary><c>MultiverseSpec.Exclusions</c>: combinations of choices left out of a multiverse.</summary>
    MultiverseExclusions,
    /// <summary><c>MultiverseSpec.Baseline</c>: the specification a multiverse ranks within its curve.</summary>
    MultiverseBaseline,
}
