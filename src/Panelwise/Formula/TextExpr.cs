using System.Text;

namespace Panelwise.Formula;

/// <summary>A quoted text literal, compared with categorical (or value-labelled) columns.</summary>
/// <param name="Value">The text without quotes.</param>
public sealed record TextExpr(string Value) : Expr
{
    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => [];

    internal override int Precedence => AtomLevel;

    internal override void Render(StringBuilder sb) =>
        sb.Append(Value.Contains('"') ? $"'{Value}'" : $"\"{Value}\"");
}
