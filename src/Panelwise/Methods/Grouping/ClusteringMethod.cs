namespace Panelwise.Methods.Grouping;

/// <summary>How <see cref="UnitGrouping"/> forms groups.</summary>
public enum ClusteringMethod
{
    /// <summary><see cref="KMeans"/> with k-means++ starts.</summary>
    KMeans,

    /// <summary><see cref="WardClustering"/> (hclust ward.D2) cut into k groups.</summary>
    Ward,
}
