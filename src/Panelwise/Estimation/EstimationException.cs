namespace Panelwise.Estimation;

/// <summary>A model that cannot be estimated as specified; the message says why and what to do.</summary>
public sealed class EstimationException : UserInputException
{
    public EstimationException(string message) : base(message) { }

    /// <summary>The kind of problem, for callers that handle some kinds without reading the message.</summary>
    public EstimationProblem Kind { get; init; }

    public static EstimationException TooFewObservations(int n, int k) =>
        new($"The estimation sample has {n} observations for {k} parameters: nothing is left to estimate the variance. " +
            "Check the {If} filter and missing values, or use fewer regressors.");

    /// <summary>No coefficient is left: the formula has no regressor and no intercept (y ~ -1, or csw0's first step of
    /// such a formula), or every regressor in <paramref name="dropped"/> was collinear.</summary>
    public static EstimationException NoRegressors(string response, IReadOnlyList<string> dropped) =>
        new((dropped.Count == 0
                ? $"The model of '{response}' has no regressor and no intercept (the formula removes it with -1 or +0)"
                : $"Every regressor of the model of '{response}' ({string.Join(", ", dropped.Select(d => $"'{d}'"))}) was dropped as collinear and there is no intercept") +
            ": the model has nothing to estimate. Add a regressor or keep the intercept.")
        { Term = dropped.Count == 0 ? response : dropped[0] };

    /// <summary>Driscoll-Kraay sums the scores by period: one period leaves no time variation to estimate from.</summary>
    public static EstimationException DriscollKraayNeedsPeriods(int periods) =>
        new($"Driscoll-Kraay standard errors ({{Vcov}} dk) need at least two periods of the panel's time variable ({{Panel}} id,time) " +
            $"in the estimation sample; it has {periods}. Check {{If}}, leads and lags and missing values, or use {{Vcov}} cluster:ID.");

    public static EstimationException NotConverged(int iterations, double achieved, double tolerance, string? method = null) =>
        new($"The fixed-effect solver did not converge in {iterations} iterations (achieved tolerance {achieved:g3}; asked for {tolerance:g3}" +
            (method is null ? "). " : $"; {method}). ") +
            "Raise {FixedEffectMaxIterations}, loosen {FixedEffectTolerance}, or check the fixed effects for weakly connected groups.");

    public static EstimationException VcovNeedsCluster(string variable) =>
        new($"The covariance asks for clusters by '{variable}', which the fit was not given: refit with that cluster variable.");

    public static EstimationException LeverageWithFixedEffects(string type) =>
        new($"{type} needs the leverage of each observation, which absorbed fixed effects hide: use hc1 (robust) or cluster instead.");

    /// <summary>A model or covariance the engine push-down does not compute (the rows would have to be fetched).</summary>
    public static EstimationException NotOnEngine(string what) =>
        new($"{what} is not computed on a database engine: the push-down fit supports y ~ x1 + ... | id (+ one small effect) with iid, HC1 " +
            "or one- or two-way cluster covariances. Fit the data in memory instead (the engine's rows are then fetched).");

    public static EstimationException EmptySample() =>
        new("No observation is left in the estimation sample: check the {If} filter and the missing values of the model's variables.");

    public static EstimationException Underidentified(IReadOnlyList<string> endogenous, IReadOnlyList<string> instruments) =>
        new($"The model is underidentified: {endogenous.Count} endogenous regressor(s) ({string.Join(", ", endogenous)}) but only " +
            $"{instruments.Count} excluded instrument(s) ({(instruments.Count == 0 ? "none" : string.Join(", ", instruments))}) left after dropping collinear ones. " +
            "Add excluded instruments after '~' in the IV part, or instrument fewer regressors.");

    /// <summary>A coefficient (or its standard error) beyond the double range after the columns' scaling is undone.</summary>
    public static EstimationException CoefficientOverflow(string term) =>
        new($"The coefficient of '{term}' is beyond the largest double (about 1.8e308): the regressor varies by too little for its " +
            $"slope to be represented (its values are near the smallest doubles, or differ only by rounding). Multiply '{term}' by a " +
            "power of ten, or drop it.")
        { Term = term };

    /// <summary>A sum of squares of the response (or of its residuals) beyond the double range (about 1.8e308).</summary>
    public static EstimationException SquaresOverflow(string response) =>
        new($"The sums of squares of '{response}' exceed the largest double (about 1.8e308): its values are too large to " +
            $"estimate with. Divide '{response}' by a power of ten (the coefficients and standard errors scale with it).")
        { Term = response };
}
