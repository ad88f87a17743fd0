using System.Text;

namespace Panelwise.Formula;

/// <summary>A reference to a data column by name.</summary>
/// <param name="Name">The column name, unquoted.</param>
public sealed record ColumnExpr(string Name) : Expr
{
    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [];

    internal override int Precedence => AtomLevel;

    internal override void Render(StringBuilder sb) => sb.Append(Names.Quote(Name));
}
