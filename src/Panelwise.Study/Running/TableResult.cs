using Panelwise.Methods.Descriptive;
using Panelwise.Render.Tables;
using Panelwise.Results;

namespace Panelwise.Study;

/// <summary>One table's estimates and its drawn model: regression columns, or the summaries, correlations or VIFs
/// behind a summary table. Only the fields of its kind are set.</summary>
public sealed record TableResult
{
    public required string Name { get; init; }
    public required TableModel Table { get; init; }
    public IReadOnlyList<RegressionTableColumn> Columns { get; init; } = [];
    public IReadOnlyList<VariableSummary>? Summaries { get; init; }
    public CorrelationMatrix? Correlations { get; init; }
    public IReadOnlyList<(string Variable, double Vif)>? Vif { get; init; }
    public Methods.Mediation.MediationResult? Mediation { get; init; }

    /// <summary>The <c>classify_units</c> variable whose factor, membership or agreement table this is (its numbers are
    /// in that variable's <c>data_handling</c> block of results.json).</summary>
    public string? Classification { get; init; }

    /// <summary>A heterogeneity table's groups and equality tests.</summary>
    public ComparisonSummary? Comparison { get; init; }

    /// <summary>A multiverse table's specifications and summary.</summary>
    public Methods.Multiverse.MultiverseResult? Multiverse { get; init; }

    /// <summary>The matching behind each matched column, by column index (0-based, as in <see cref="Columns"/>).</summary>
    public IReadOnlyDictionary<int, MatchedSample> Matches { get; init; } = new Dictionary<int, MatchedSample>();
}
