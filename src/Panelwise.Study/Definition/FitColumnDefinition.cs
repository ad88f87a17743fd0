namespace Panelwise.Study.Definition;

/// <summary>A regression column as written: a fixest formula (csw()/sw() give several columns), covariance, model,
/// IV estimator, sample filter, weights, title and an optional matching step, each with its line.</summary>
public sealed record FitColumnDefinition
{
    public required Located<string> Formula { get; init; }
    public Located<string>? Vcov { get; init; }
    public Located<string>? Model { get; init; }

    /// <summary>IV estimator (2sls, liml, gmm2s) of a formula with an IV part.</summary>
    public Located<string>? Estimator { get; init; }
    public Located<string>? If { get; init; }
    public Located<string>? Weights { get; init; }
    public string? Title { get; init; }

    /// <summary>Test rows shown in this column only (besides the table's <c>tests:</c>).</summary>
    public IReadOnlyList<Located<string>> Tests { get; init; } = [];

    /// <summary>Run the regression on the propensity-score-matched sample (as <c>panelwise match</c>); null = the full sample.</summary>
    public MatchDefinition? Match { get; init; }

    /// <summary>With <c>model: fgls</c>: xtgls panels() (iid, hetero, correlated) and corr() (independent, ar1, psar1).</summary>
    public Located<string>? Panels { get; init; }
    public Located<string>? Corr { get; init; }

    /// <summary><c>small: false</c>: the large-sample conventions of ivreg2/ivregress without small (OLS and IV); null = small.</summary>
    public bool? Small { get; init; }
    public long Line { get; init; }
}
