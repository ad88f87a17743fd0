namespace Panelwise.Design;

/// <summary>Builds the estimation sample and design arrays for one model.</summary>
public static class DesignBuilder
{
    /// <summary>Evaluates every term on the whole frame (so lags may reach rows outside the sample), applies the
    /// <c>--if</c> filter, drops rows where any used variable is missing, and copies what remains into contiguous
    /// arrays: i() becomes one dummy column per level, fixed effects and clusters become dense codes.
    /// Rows dropped for missing values are counted once, under the first variable (response, regressors,
    /// IV part, fixed effects, clusters, weights) found missing.</summary>
    /// <exception cref="Panelwise.Data.DataException">Unknown or text columns where numbers are needed, lags without a
    /// panel, non-positive weights, an unknown i() reference level, or an empty sample.</exception>
    /// <exception cref="Panelwise.Formula.ExpressionException">A malformed <see cref="DesignRequest.If"/> filter.</exception>
    public static ModelData Build(DesignRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new DesignAssembly(request).Build();
    }

    /// <summary>Which rows each term of the request's model would leave out (see <see cref="SamplePatterns"/>): models
    /// built from these terms whose dropped rows coincide have the same sample and can share one design.</summary>
    internal static SamplePatterns Patterns(DesignRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new DesignAssembly(request).Patterns();
    }
}
