namespace Panelwise.Study.Definition;

/// <summary>The options of a <c>classify_units</c> variable: <c>{ classify_units: [a, b, c], id: industry_id,
/// method: kmeans|ward, k: 3, pca: auto|N, labels: [..], seed: 12345, compare_with: [position] }</c>, the study form of <c>panelwise group</c>
/// (see <see cref="Methods.Grouping.UnitGrouping"/>). Unset options take the command's defaults.</summary>
public sealed record UnitClassificationDefinition(IReadOnlyList<Located<string>> Indicators, Located<string>? Id)
{
    /// <summary>"kmeans" (default) or "ward".</summary>
    public Located<string>? Method { get; init; }

    /// <summary>The number of groups (default 3).</summary>
    public int K { get; init; } = 3;

    /// <summary>Cluster on principal-component scores: null = no PCA, 0 = auto (eigenvalue &gt; 1), N = N components.</summary>
    public int? Pca { get; init; }

    public IReadOnlyList<Located<string>>? Labels { get; init; }

    /// <summary>Seed of the k-means starts (default 12345, as the group command).</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>Given classifications of the units (one value per unit) to cross-tabulate the derived groups with.</summary>
    public IReadOnlyList<Located<string>> CompareWith { get; init; } = [];
}
