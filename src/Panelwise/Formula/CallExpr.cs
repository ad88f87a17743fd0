using System.Text;

namespace Panelwise.Formula;

/// <summary>A one-argument function: <c>log</c>, <c>exp</c>, <c>sqrt</c>, <c>abs</c>, or <c>missing</c>
/// (1 when the argument is missing, else 0).</summary>
/// <param name="Function">The function name.</param>
/// <param name="Argument">The argument.</param>
public sealed record CallExpr(string Function, Expr Argument) : Expr
{
    /// <summary>The functions a <see cref="CallExpr"/> may name.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["log", "exp", "sqrt", "abs", "missing"];

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [Argument];

    internal override int Precedence => AtomLevel;

    internal override void Render(StringBuilder sb)
    {
        sb.Append(Function).Append('(');
        Argument.Render(sb);
        sb.Append(')');
    }
}
