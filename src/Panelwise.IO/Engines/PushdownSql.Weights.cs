namespace Panelwise.IO.Engines;

/// <summary>Weights in the statements (analytic weights, as the in-memory fit uses them): group means and the grand
/// means are weighted, every cross-product, the small effect's sums and D̃'WD̃ carry the row weight w, and the residual
/// sums use w e (Σ w e², Σ (w e)² z z', s = Σ w e z). Without weights each helper gives the unweighted form.</summary>
internal sealed partial class PushdownSql
{
    private bool Weighted => model.Weights is not null;

    private string RowWeight => $"r.{Q(model.Weights!)}::float8";

    /// <summary>The group mean of a row expression over r.</summary>
    private string GroupMean(string v) => Weighted ? $"sum({RowWeight} * {v}) / sum({RowWeight})" : $"avg({v})";

    /// <summary>A group's total weight (its row count without weights).</summary>
    private string GroupWeight => Weighted ? $"sum({RowWeight})" : "count(*)::float8";

    /// <summary>Σ w v over the demeaned rows (CTE w, whose weight column is wt).</summary>
    private string WeightedSum(string v) => Weighted ? $"sum(wt * {v})" : $"sum({v})";

    /// <summary>The weighted residual w e of CTE e (e itself without weights).</summary>
    private string WeightedError => Weighted ? "we" : "e";
}
