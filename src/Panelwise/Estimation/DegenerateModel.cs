namespace Panelwise.Estimation;

/// <summary>Messages for models that are valid input but degenerate in the sample: a statistic whose reference
/// distribution would have no degrees of freedom, a response that cannot be explained, an instrument that is a copy
/// of its endogenous regressor, a matrix that a test must invert but the sample makes singular. Each says the cause
/// and what to do, instead of letting a numerical library's message (or a NaN) reach the user.</summary>
public static class DegenerateModel
{
    /// <summary>Cluster-robust inference with fewer than two clusters: CR1 has G/(G-1) and t(G-1), undefined at G = 1.</summary>
    public static EstimationException TooFewClusters(string variable, int clusters) =>
        new($"Clustering by '{variable}' leaves {clusters} cluster{(clusters == 1 ? "" : "s")} in the estimation sample: a cluster-robust " +
            "covariance needs at least 2 (G/(G-1) and t(G-1) are undefined at G = 1), and many more to be reliable. " +
            "Check the {If} filter, cluster by a variable with more levels, or use {Vcov} robust.")
        { Term = variable };

    /// <summary>A reference t or F distribution with no degrees of freedom left.</summary>
    public static EstimationException NoDegreesOfFreedom(string statistic, double df) =>
        new($"{statistic} has {df:g} degrees of freedom in this sample, so its t/F reference distribution does not exist: " +
            "use more observations (check the {If} filter and missing values) or fewer regressors.");

    /// <summary>The response also appears on the right-hand side.</summary>
    public static EstimationException ResponseAmongRegressors(string response, string role) =>
        new($"The response '{response}' is also {role}: a variable cannot explain itself (the fit would be exact and every " +
            $"standard error 0). Remove '{response}' from the right-hand side, or choose another response.")
        { Term = response, Column = response };

    /// <summary>Refuses designs that are valid formulas but cannot be estimated: the response among the regressors or
    /// instruments, an endogenous regressor listed as its own instrument, a response with no variation; naming the term,
    /// before an estimator turns them into zero standard errors or infinite statistics. Every estimator runs it on the
    /// design it is given (right after <see cref="Design.DesignBuilder.Build"/>, before anything else can fail).</summary>
    public static void CheckDesign(Design.ModelData data)
    {
        string response = data.ResponseName;
        if (data.RegressorNames.Contains(response)) throw ResponseAmongRegressors(response, "a regressor");
        if (data.EndogenousNames.Contains(response)) throw ResponseAmongRegressors(response, "an endogenous regressor");
        if (data.InstrumentNames.Contains(response)) throw ResponseAmongRegressors(response, "an excluded instrument");
        foreach (var name in data.EndogenousNames)
            if (data.InstrumentNames.Contains(name)) throw InstrumentIsEndogenous(name);
        CheckVaries(response, data.Response);
    }

    /// <summary>Throws <see cref="ConstantResponse"/> when <paramref name="values"/> (the response in the estimation sample,
    /// or its transform: first differences, unit means) take one value. Stops at the first value that differs, so it costs
    /// nothing on real data.</summary>
    public static void CheckVaries(string response, ReadOnlySpan<double> values)
    {
        if (values.Length > 0 && values[1..].IndexOfAnyExcept(values[0]) < 0) throw ConstantResponse(response, values[0], values.Length);
    }

    /// <summary>Throws <see cref="ResponseAbsorbed"/> when the fixed effects explain the response exactly: the rule that drops
    /// a regressor as collinear with the fixed effects (within norm at most <paramref name="tolerance"/> of the centred
    /// norm), applied to the response. Shared by the OLS and the IV paths.</summary>
    public static void CheckNotAbsorbed(string response, double centredSquares, double withinSquares, double tolerance,
        IEnumerable<string> fixedEffects)
    {
        if (centredSquares > 0 && Math.Sqrt(withinSquares / centredSquares) <= tolerance) throw ResponseAbsorbed(response, fixedEffects.ToList());
    }

    /// <summary>The response takes one value in the estimation sample.</summary>
    public static EstimationException ConstantResponse(string response, double value, int n) =>
        new($"The response '{response}' is constant in the estimation sample (all {n} values are {value:g10}): there is no variation " +
            "to explain, every residual and standard error would be 0. Check the {If} filter and the missing values, or choose another response.")
        { Term = response, Column = response };

    /// <summary>The response is constant within the levels of the absorbed fixed effects (its within sum of squares is
    /// below the collinearity tolerance of its total): the fixed effects explain it exactly.</summary>
    public static EstimationException ResponseAbsorbed(string response, IReadOnlyList<string> fixedEffects) =>
        new($"The response '{response}' does not vary within the levels of the fixed effects ({string.Join(", ", fixedEffects.Select(f => $"'{f}'"))}): " +
            "they explain it exactly, so nothing is left for the regressors (every residual and standard error would be 0 and the " +
            "within R2 undefined). Remove the fixed effect that determines it, or choose another response.")
        { Term = response, Column = response };

    /// <summary>An excluded instrument that is the endogenous regressor itself.</summary>
    public static EstimationException InstrumentIsEndogenous(string name) =>
        new($"'{name}' is both an endogenous regressor and its own excluded instrument: a variable that instruments itself is " +
            $"treated as exogenous, and IV then equals OLS with infinite identification statistics. Move '{name}' before the '|' " +
            "as an exogenous regressor (or fit by OLS), or instrument it with other variables.")
        { Term = name };

    /// <summary>An endogenous regressor that the instruments and exogenous regressors reproduce exactly.</summary>
    public static EstimationException PerfectFirstStage(string name) =>
        new($"The endogenous regressor '{name}' is an exact linear function of the excluded instruments and the exogenous regressors " +
            "(its first stage fits perfectly, e.g. an instrument is a rescaled copy of it): it is then exogenous, IV equals OLS and the " +
            $"weak-identification statistics are infinite. Treat '{name}' as exogenous, or use instruments that are not copies of it.")
        { Term = name };

    /// <summary>A matrix a step must invert (or factor) that the sample makes singular or indefinite.</summary>
    public static EstimationException SingularMatrix(string what, string cause) =>
        new($"{what} cannot be computed: {cause}");

    /// <summary><paramref name="what"/> inverts the covariance of IV moment conditions S, which the sample makes singular or
    /// indefinite (<see cref="SingularMomentsCause"/>); of kind <see cref="EstimationProblem.SingularMoments"/>.</summary>
    public static EstimationException SingularMoments(string what) =>
        new($"{what} cannot be computed: {SingularMomentsCause}") { Kind = EstimationProblem.SingularMoments };

    /// <summary>The usual reasons the covariance of IV moment conditions S is not positive definite.</summary>
    public const string SingularMomentsCause =
        "the covariance of the instrument moments (S) is singular or not positive definite. Under clustering S has rank at most the number " +
        "of clusters, so it is singular with fewer clusters than instruments; two-way clustering (V_A + V_B - V_AB) need not be positive " +
        "definite at all. Use more clusters, fewer instruments, one-way clustering or {Vcov} robust.";
}
