namespace Panelwise.Formula;

/// <summary>A numeric term: a variable, a function such as <c>log(x)</c>, a lag, or <c>I(expr)</c>.</summary>
/// <param name="Expression">The expression computed for every row.</param>
/// <param name="AsIs">True when written inside <c>I(...)</c>, which only changes the name.</param>
public sealed record ExpressionTerm(Expr Expression, bool AsIs = false) : Term
{
    /// <inheritdoc />
    public override string Name => AsIs ? $"I({Expression})" : Expression.ToString();

    /// <inheritdoc />
    public override IReadOnlySet<string> Columns() => Expression.Columns();

    /// <inheritdoc />
    public override bool UsesPanel() => Expression.UsesPanel();

    /// <summary>True when the term is a bare column reference.</summary>
    public bool IsColumn => Expression is ColumnExpr;
}
