using System.Text;

namespace Panelwise.Formula;

/// <summary>An immutable node of the expression language used by <c>I(...)</c>, function arguments in
/// formulas, and <c>--if</c> filters. <see cref="ToString"/> renders it back as canonical text
/// (R-style spacing, minimal parentheses), which is also how regressors are named.</summary>
public abstract record Expr
{
    /// <summary>0-based character index in the source text, for error carets.</summary>
    public int Position { get; init; }

    /// <summary>Direct sub-expressions.</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>Binding strength used to decide where rendering needs parentheses.</summary>
    internal abstract int Precedence { get; }

    internal abstract void Render(StringBuilder sb);

    /// <summary>Every data column referenced anywhere in the expression.</summary>
    public IReadOnlySet<string> Columns()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        CollectColumns(set);
        return set;
    }

    /// <summary>True when the expression uses a lag, lead or difference, and so needs a panel index.</summary>
    public bool UsesPanel() => SelfAndDescendants().Any(e => e is LagExpr or DiffExpr);

    internal void CollectColumns(ISet<string> into)
    {
        foreach (var node in SelfAndDescendants())
            if (node is ColumnExpr column) into.Add(column.Name);
    }

    /// <summary>This node and every node below it, depth first, left to right (pre-order). Walked with an explicit
    /// stack: a chain such as <c>a + b + ... </c> of any length is as deep as it is long, and must not recurse.</summary>
    public IEnumerable<Expr> SelfAndDescendants()
    {
        var pending = new Stack<Expr>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            var children = node.Children;
            for (int i = children.Count - 1; i >= 0; i--) pending.Push(children[i]);
        }
    }

    /// <summary>The canonical text of the expression.</summary>
    public sealed override string ToString()
    {
        var sb = new StringBuilder();
        Render(sb);
        return sb.ToString();
    }

    /// <summary>Renders <paramref name="child"/>, in parentheses when it binds looser than <paramref name="minPrecedence"/>.
    /// Recursion here is bounded by <see cref="ExpressionParser.MaxNesting"/>: chains of binary operators are rendered
    /// iteratively by <see cref="BinaryExpr"/>.</summary>
    internal static void RenderChild(StringBuilder sb, Expr child, int minPrecedence)
    {
        bool wrap = child.Precedence < minPrecedence;
        if (wrap) sb.Append('(');
        child.Render(sb);
        if (wrap) sb.Append(')');
    }

    internal const int OrLevel = 1, AndLevel = 2, NotLevel = 3, CompareLevel = 4, AddLevel = 5,
        MultiplyLevel = 6, NegateLevel = 7, PowerLevel = 8, AtomLevel = 10;
}
