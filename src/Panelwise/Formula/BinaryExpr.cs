using System.Text;

namespace Panelwise.Formula;

/// <summary>An infix operation. <see cref="Expr.Position"/> is the operator's position.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right) : Expr
{
    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Left, Right];

    /// <summary>True for == != &lt; &lt;= &gt; &gt;=.</summary>
    public bool IsComparison => Operator is >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual;

    /// <summary>The operator as typed.</summary>
    public string Symbol => Operator switch
    {
        BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/", BinaryOperator.Power => "^", BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=", BinaryOperator.Less => "<", BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">", BinaryOperator.GreaterOrEqual => ">=", BinaryOperator.And => "&",
        _ => "|",
    };

    internal override int Precedence => Operator switch
    {
        BinaryOperator.Or => OrLevel,
        BinaryOperator.And => AndLevel,
        BinaryOperator.Add or BinaryOperator.Subtract => AddLevel,
        BinaryOperator.Multiply or BinaryOperator.Divide => MultiplyLevel,
        BinaryOperator.Power => PowerLevel,
        _ => CompareLevel,
    };

    internal override void Render(StringBuilder sb)
    {
        int p = Precedence;
        // Left-associative operators need a tighter right operand (a - (b - c)); power is right-associative,
        // and comparisons do not chain, so both of their sides must bind tighter.
        int leftMin = Operator == BinaryOperator.Power ? AtomLevel : IsComparison ? p + 1 : p;
        int rightMin = Operator == BinaryOperator.Power ? NegateLevel : p + 1;
        RenderChild(sb, Left, leftMin);
        // R prints a/b and a^b tight and spaces the others; names then match fixest's coefficient names.
        sb.Append(Operator is BinaryOperator.Divide or BinaryOperator.Power ? Symbol : $" {Symbol} ");
        RenderChild(sb, Right, rightMin);
    }
}
