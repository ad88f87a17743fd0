using Panelwise.Data;
using Panelwise.Formula;

namespace Panelwise.Design;

/// <summary>What <see cref="DesignBuilder.Build"/> needs to turn a model into numbers.</summary>
public sealed record DesignRequest
{
    /// <summary>The data.</summary>
    public required Frame Frame { get; init; }

    /// <summary>The model (one variant from <see cref="ParsedFormula.Expand"/>).</summary>
    public required ModelSpec Spec { get; init; }

    /// <summary>The panel index of <see cref="Frame"/>; required when the model uses l(), f() or d().</summary>
    public PanelIndex? Panel { get; init; }

    /// <summary>Optional <c>--if</c> filter; see <see cref="RowFilter"/> for the missing-value rules.</summary>
    public string? If { get; init; }

    /// <summary>Frame rows to leave out after the filter (e.g. residual outliers of an earlier fit), or null.</summary>
    public bool[]? ExcludedRows { get; init; }

    /// <summary>Why <see cref="ExcludedRows"/> are left out, for the note ("observations excluded: REASON").</summary>
    public string? ExclusionReason { get; init; }

    /// <summary>Cluster variables: names, or interactions such as <c>id^year</c>.</summary>
    public IReadOnlyList<string> ClusterVariables { get; init; } = [];

    /// <summary>Optional analytic-weight column; every weight in the sample must be positive.</summary>
    public string? Weights { get; init; }

    /// <summary>When every row is in the sample, the response and regressor columns may be the frame's own arrays
    /// instead of copies, so later steps transform the frame's values in place. Only for a caller that discards the
    /// frame after this one model; a column also used by a fixed effect, cluster, weight, panel key or filter, or by
    /// two terms, is still copied.</summary>
    public bool OverwriteFrame { get; init; }
}
