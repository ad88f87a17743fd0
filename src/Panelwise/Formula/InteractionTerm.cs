namespace Panelwise.Formula;

/// <summary><c>a:b</c>: the row-wise product of numeric terms.</summary>
/// <param name="Factors">The multiplied terms, in formula order (two or more).</param>
public sealed record InteractionTerm(IReadOnlyList<ExpressionTerm> Factors) : Term
{
    /// <inheritdoc />
    public override string Name => string.Join(":", Factors.Select(f => f.Name));

    /// <inheritdoc />
    public override IReadOnlySet<string> Columns() => Factors.SelectMany(f => f.Columns()).ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool UsesPanel() => Factors.Any(f => f.UsesPanel());
}
