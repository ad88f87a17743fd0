namespace Panelwise.Methods.Grouping;

/// <summary>How <see cref="UnitGrouping.Group(Panelwise.Data.Frame, string, IReadOnlyList{string}, string, UnitGroupingOptions)"/>
/// forms its groups: the typed form of <c>panelwise group</c>'s options.</summary>
public sealed record UnitGroupingOptions
{
    /// <summary>Number of groups, 1 &lt;= K &lt;= number of units.</summary>
    public int K { get; init; } = 3;

    /// <summary>k-means (default) or Ward.</summary>
    public ClusteringMethod Method { get; init; } = ClusteringMethod.KMeans;

    /// <summary>One label per group in the canonical order (group 1 first, see <see cref="UnitGrouping"/>); null gives "1", "2", ...</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Seed of the k-means starts (Ward is deterministic and ignores it).</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>Cluster on principal-component scores of the standardised unit means instead of the indicators.</summary>
    public bool UsePrincipalComponents { get; init; }

    /// <summary>With <see cref="UsePrincipalComponents"/>: components to keep; null keeps those with eigenvalue &gt; 1.</summary>
    public int? Components { get; init; }

    /// <summary>Rows that describe the units (e.g. from an --if condition); null uses every row. Rows outside it, and
    /// units with no row in it, get a missing group.</summary>
    public bool[]? Sample { get; init; }
}
