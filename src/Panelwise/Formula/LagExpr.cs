using System.Text;

namespace Panelwise.Formula;

/// <summary>The value of <see cref="Operand"/> for the same unit <see cref="Lag"/> periods earlier
/// (Stata's <c>L.</c>); a negative lag is a lead (<c>F.</c>). Rendered as fixest names it: <c>l(x, 1)</c>, <c>f(x, 1)</c>.</summary>
/// <param name="Operand">The lagged expression.</param>
/// <param name="Lag">Periods back; negative = forward. Never 0 (a 0 lag is the operand itself).</param>
public sealed record LagExpr(Expr Operand, int Lag) : Expr
{
    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Operand];

    internal override int Precedence => AtomLevel;

    internal override void Render(StringBuilder sb)
    {
        sb.Append(Lag > 0 ? "l(" : "f(");
        Operand.Render(sb);
        sb.Append(", ").Append(Math.Abs(Lag)).Append(')');
    }
}
