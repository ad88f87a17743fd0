using Panelwise.Estimation;
using Panelwise.Models;
using Panelwise.Results;

namespace Panelwise.IO.Engines;

/// <summary>The front ends' choice for a data source on an engine: the push-down fit when the model and options allow
/// it (<see cref="EnginePushdown"/>), null otherwise (the caller then reads the needed columns and fits in memory).</summary>
public static class EngineFit
{
    /// <summary>The pushed-down fit of <paramref name="formula"/> on <paramref name="data"/>, or null when
    /// <paramref name="data"/> is not an engine URL (postgresql:// or duckdb://) or the fit needs the rows (weights, a filter, a panel model,
    /// large-sample conventions, outlier refits, a panel declaration, or a model beyond y ~ x | g).</summary>
    public static RegressionResult? TryPushdown(string data, string formula, FitOptions options)
    {
        bool duck = DuckSource.IsDuckUrl(data);
        if (!duck && !EngineSource.IsEngineUrl(data)) return null;
        bool plain = options is { Model: PanelModel.Ols, Weights: null, If: null, DropOutliers: null, Panel: null } && options.Vcov.Small;
        if (!plain || !EnginePushdown.Supports(formula, options.Vcov)) return null;
        return duck
            ? DuckPushdown.Fit(DuckSource.Parse(data), formula, options.Vcov, options.Estimation.DropSingletons)
            : EnginePushdown.Fit(EngineSource.Parse(data), formula, options.Vcov, options.Estimation.DropSingletons);
    }
}
