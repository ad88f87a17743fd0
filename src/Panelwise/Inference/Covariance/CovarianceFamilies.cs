namespace Panelwise.Inference.Covariance;

/// <summary>The registry of covariance families: spec type -> family, and the order in which text forms are tried.
/// The only place that lists the families; everything else asks <see cref="For"/>.</summary>
internal static class CovarianceFamilies
{
    private static readonly ICovarianceFamily[] All =
    [
        new IidCovariance(),
        new HeteroskedasticCovariance(),
        new ClusterCovariance(),
        new DriscollKraayCovariance(),
        new NeweyWestCovariance(),
        new GlsCovariance(),
    ];

    private static readonly Dictionary<Type, ICovarianceFamily> BySpecType = All.ToDictionary(f => f.SpecType);

    /// <summary>The spec types that have a family.</summary>
    public static IEnumerable<Type> SpecTypes => BySpecType.Keys;

    /// <summary>The family that computes <paramref name="spec"/>.</summary>
    public static ICovarianceFamily For(VcovSpec spec) =>
        BySpecType.TryGetValue(spec.GetType(), out var family)
            ? family
            : throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unsupported covariance.");

    /// <summary>The spec of the first family whose text form <paramref name="text"/> is; null when none is.</summary>
    public static VcovSpec? Parse(string text)
    {
        string lower = text.Trim().ToLowerInvariant();
        foreach (var family in All)
            if (family.TryParse(text, lower, out var spec)) return spec;
        return null;
    }
}
