using Panelwise.Data;

namespace Panelwise.Methods.Multiverse;

/// <summary>The model fits one design group runs: specifications with the same formula and sample share one fit and
/// differ only in covariance (re-covaried from the fit, <c>RegressionResult.WithVcov</c>), unless a clustering would
/// drop rows (a cluster column with missing values), which then has a fit of its own so that every sample is the one
/// <c>Regression.Fit</c> would use.</summary>
/// <param name="Formula">The model formula.</param>
/// <param name="Filter">The specification's sample filter, or null.</param>
/// <param name="ClusterVariables">Cluster variables the design carries, so every covariance of the fit finds its clusters.</param>
/// <param name="Specs">The specifications reported from this fit (the first one's covariance is the fit's own).</param>
public sealed record ModelFit(string Formula, string? Filter, IReadOnlyList<string> ClusterVariables, IReadOnlyList<Specification> Specs);

/// <summary>Specifications sharing fixed effects and sample filter. Within such a group, fits whose own samples (rows
/// complete for their variables) coincide are absorbed together (<see cref="DesignUnits"/>).</summary>
public sealed record SpecificationGroup(string FixedEffects, string Sample, IReadOnlyList<ModelFit> Fits);

/// <summary>Groups specifications into design groups and model fits.</summary>
public static class SpecificationGroups
{
    /// <summary>Groups <paramref name="specs"/>; <paramref name="clusterVariables"/> gives each covariance label's
    /// cluster variables (e.g. <c>id</c> or <c>id^year</c>).</summary>
    public static IReadOnlyList<SpecificationGroup> Of(IReadOnlyList<Specification> specs, Frame frame,
        IReadOnlyDictionary<string, IReadOnlyList<string>> clusterVariables)
    {
        var complete = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Complete(string column) => complete.TryGetValue(column, out bool c) ? c
            : complete[column] = frame.Find(column) is { } col && Enumerable.Range(0, col.Length).All(i => !col.IsMissing(i));
        string RowDroppingKey(Specification s) => string.Join("|", clusterVariables[s.Vcov]
            .SelectMany(v => v.Split('^', StringSplitOptions.TrimEntries)).Where(c => !Complete(c)).Distinct().Order(StringComparer.Ordinal));

        return specs.GroupBy(s => (ChoiceCondition.Normalise(s.FixedEffects), ChoiceCondition.Normalise(s.Sample)))
            .Select(group => new SpecificationGroup(group.First().FixedEffects, group.First().Sample,
                group.GroupBy(s => (s.Formula, RowDroppingKey(s)))
                    .Select(fit => new ModelFit(fit.Key.Formula, fit.First().Filter,
                        fit.SelectMany(s => clusterVariables[s.Vcov]).Distinct(StringComparer.Ordinal).ToList(), fit.ToList()))
                    .ToList()))
            .ToList();
    }
}
