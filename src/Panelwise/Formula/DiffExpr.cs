using System.Text;

namespace Panelwise.Formula;

/// <summary>The difference <c>x - l(x, k)</c> (fixest's <c>d(x, k)</c>; a k-period difference,
/// not Stata's repeated <c>D2.</c>).</summary>
/// <param name="Operand">The differenced expression.</param>
/// <param name="Lag">Periods between the two values (1 for a first difference).</param>
public sealed record DiffExpr(Expr Operand, int Lag) : Expr
{
    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Operand];

    internal override int Precedence => AtomLevel;

    internal override void Render(StringBuilder sb)
    {
        sb.Append("d(");
        Operand.Render(sb);
        if (Lag != 1) sb.Append(", ").Append(Lag);
        sb.Append(')');
    }
}
