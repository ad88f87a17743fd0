using Panelwise.Estimation;
using Panelwise.Formula;
using Panelwise.Inference;

namespace Panelwise.IO.Engines;

/// <summary>The shape of a fit the engine computes without fetching rows: <c>y ~ x1 + ... | g</c> with plain columns,
/// one large absorbed effect (any size; listed first), optionally one small one (e.g. year, at most
/// <see cref="MaxSmallLevels"/> levels), and an iid, HC1, one-way or two-way cluster covariance (<see cref="Cluster"/> is
/// the one-way cluster variable, null for two-way: see <see cref="Clusters"/>).</summary>
internal sealed record PushdownModel(string Formula, string Response, IReadOnlyList<string> Regressors, string Effect, string? SmallEffect,
    string? Cluster)
{
    /// <summary>The most levels of the small effect: its T x T cross-product crosses the wire.</summary>
    public const int MaxSmallLevels = 2000;

    /// <summary>The model of <paramref name="formula"/>, or null when the push-down cannot compute it.</summary>
    public static PushdownModel? TryFrom(string formula, VcovSpec spec)
    {
        var parsed = FormulaParser.Parse(formula);
        if (parsed.IsMultiple || parsed.Endogenous.Count > 0) return null;
        var m = parsed.Expand().Single();
        string effect, small;
        switch (m.FixedEffects)
        {
            case [{ Variables: [string e] }]: (effect, small) = (e, ""); break;
            case [{ Variables: [string e] }, { Variables: [string s] }]: (effect, small) = (e, s); break;
            default: return null;
        }
        if (m.Response is not ExpressionTerm { IsColumn: true } y) return null;
        var xs = new List<string>();
        foreach (var t in m.Regressors)
        {
            if (t is not ExpressionTerm { IsColumn: true } x) return null;
            xs.Add(x.Name);
        }
        if (xs.Count == 0) return null;
        IReadOnlyList<string>? clusters = spec switch
        {
            IidVcovSpec or HeteroskedasticVcovSpec { Type: 1 } => [],
            ClusterVcovSpec { Variables: [string c] } => [c],
            ClusterVcovSpec { Variables: [string c1, string c2] } when c1 != c2 => [c1, c2],
            _ => null,
        };
        if (clusters is null) return null;
        return new PushdownModel(formula, y.Name, xs, effect, small.Length == 0 ? null : small, clusters is [var one] ? one : null)
        {
            Clusters = clusters,
        };
    }

    /// <summary>The absorbed effects, large first.</summary>
    public IReadOnlyList<string> Effects => SmallEffect is null ? [Effect] : [Effect, SmallEffect];

    /// <summary>The cluster variables (none, one, or two for a two-way clustered covariance).</summary>
    public IReadOnlyList<string> Clusters { get; init; } = Cluster is null ? [] : [Cluster];

    /// <summary>The weight column (analytic/probability weights as the in-memory fit reads them), or null.</summary>
    public string? Weights { get; init; }

    /// <summary>Every column the SQL reads.</summary>
    public IEnumerable<string> Columns() => 
        new[] { Response, Effect }.Concat(SmallEffect is null ? [] : [SmallEffect]).Concat(Regressors).Concat(Clusters)
            .Concat(Weights is null ? [] : [Weights]).Distinct();
}
