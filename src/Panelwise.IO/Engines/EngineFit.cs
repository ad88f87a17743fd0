using Panelwise.Estimation;
using Panelwise.Models;
using Panelwise.Results;

namespace Panelwise.IO.Engines;

/// <summary>The front ends' choice for a data source on an engine: the push-down fit when the model and options allow
/// it (<see cref="EnginePushdown"/>), null otherwise (the caller then reads the needed columns and fits in memory).</summary>
public static class EngineFit
{
    /// <summary>The pushed-down fit of <paramref name="formula"/> on <paramref name="data"/>, or null when
    /// <paramref name="data"/> is not an engine URL (postgresql:// or duckdb://) or the fit needs the rows (a filter, a
    /// panel model, large-sample conventions, outlier refits, a panel declaration, a model beyond y ~ x | g, or a text
    /// column as a number).</summary>
    public static RegressionResult? TryPushdown(string data, string formula, FitOptions options)
    {
        bool duck = DuckSource.IsDuckUrl(data);
        if (!duck && !EngineSource.IsEngineUrl(data)) return null;
        bool plain = options is { Model: PanelModel.Ols, If: null, DropOutliers: null, Panel: null } && options.Vcov.Small;
        if (!plain || !EnginePushdown.Supports(formula, options.Vcov)) return null;
        bool drop = options.Estimation.DropSingletons;
        return duck
            ? DuckPushdown.TryFit(DuckSource.Parse(data), formula, options.Vcov, drop, options.Weights)
            : EnginePushdown.TryFit(EngineSource.Parse(data), formula, options.Vcov, drop, options.Weights);
    }
}
