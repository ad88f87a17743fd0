using System.Text;

namespace Panelwise.Formula;

/// <summary>A prefix operator applied to an operand.</summary>
/// <param name="Operator">Negation or logical not.</param>
/// <param name="Operand">The operand.</param>
public sealed record UnaryExpr(UnaryOperator Operator, Expr Operand) : Expr
{
    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Operand];

    internal override int Precedence => Operator == UnaryOperator.Not ? NotLevel : NegateLevel;

    internal override void Render(StringBuilder sb)
    {
        sb.Append(Operator == UnaryOperator.Not ? '!' : '-');
        RenderChild(sb, Operand, Precedence);
    }
}
