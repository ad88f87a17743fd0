using System.Text;

namespace Panelwise.Formula;

/// <summary>A numeric literal.</summary>
/// <param name="Value">The value.</param>
public sealed record NumberExpr(double Value) : Expr
{
    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [];

    internal override int Precedence => AtomLevel;

    internal override void Render(StringBuilder sb) => sb.Append(Names.Number(Value));
}
