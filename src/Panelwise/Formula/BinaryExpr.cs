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

    /// <summary>Structural equality, walked iteratively down the left operands: a chain <c>a + b + ...</c> is as deep as
    /// it is long, and the compiler-generated record equality would recurse once per term.</summary>
    public bool Equals(BinaryExpr? other)
    {
        BinaryExpr a = this;
        BinaryExpr? b = other;
        while (true)
        {
            if (ReferenceEquals(a, b)) return true;
            if (b is null || a.Position != b.Position || a.Operator != b.Operator
                || !EqualityComparer<Expr>.Default.Equals(a.Right, b.Right)) return false;
            if (a.Left is BinaryExpr left && b.Left is BinaryExpr otherLeft) { a = left; b = otherLeft; continue; }
            return EqualityComparer<Expr>.Default.Equals(a.Left, b.Left);
        }
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        Expr node = this;
        for (; node is BinaryExpr binary; node = binary.Left)
        {
            hash.Add(binary.Position);
            hash.Add(binary.Operator);
            hash.Add(binary.Right);
        }
        hash.Add(node);
        return hash.ToHashCode();
    }

    internal override void Render(StringBuilder sb)
    {
        // Left operands are walked iteratively (a chain a + b + ... is as deep as it is long); right operands recurse,
        // which the parser bounds by ExpressionParser.MaxNesting. Rendering node i is: "(" if its left operand needs
        // wrapping, the left operand, ")", the operator, the right operand, so all opening parentheses come first.
        var spine = new List<BinaryExpr>();
        Expr leaf = this;
        for (; leaf is BinaryExpr binary; leaf = binary.Left) spine.Add(binary);
        var wraps = new bool[spine.Count];
        for (int i = 0; i < spine.Count; i++)
        {
            var left = i + 1 < spine.Count ? spine[i + 1] : leaf;
            wraps[i] = left.Precedence < spine[i].LeftMinimum;
            if (wraps[i]) sb.Append('(');
        }
        leaf.Render(sb);
        for (int i = spine.Count - 1; i >= 0; i--)
        {
            var node = spine[i];
            if (wraps[i]) sb.Append(')');
            // R prints a/b and a^b tight and spaces the others; names then match fixest's coefficient names.
            sb.Append(node.Operator is BinaryOperator.Divide or BinaryOperator.Power ? node.Symbol : $" {node.Symbol} ");
            RenderChild(sb, node.Right, node.RightMinimum);
        }
    }

    // Left-associative operators need a tighter right operand (a - (b - c)); power is right-associative,
    // and comparisons do not chain, so both of their sides must bind tighter.
    private int LeftMinimum => Operator == BinaryOperator.Power ? AtomLevel : IsComparison ? Precedence + 1 : Precedence;

    private int RightMinimum => Operator == BinaryOperator.Power ? NegateLevel : Precedence + 1;
}
