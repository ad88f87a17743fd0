using System.Text;

namespace Panelwise.Formula;

/// <summary><c>winsor(x, p)</c> or <c>trim(x, p)</c>, optionally <c>winsor(x, p, by = g)</c>: the operand cut at its
/// p and 1-p quantiles (Stata <c>_pctile</c> = R quantile type 2, as winsor2 uses) computed over the estimation
/// sample, pooled or within each level of <see cref="By"/>. winsor clamps values beyond the cuts to the cut;
/// trim makes them missing, so those rows leave the sample (winsor2 <c>trim</c>: strictly beyond the cut).</summary>
/// <param name="Function">"winsor" or "trim".</param>
/// <param name="Operand">The expression to cut.</param>
/// <param name="Share">p, the tail share cut on each side, 0 &lt; p &lt; 0.5.</param>
/// <param name="By">Column whose levels get their own cuts (winsor2 <c>by()</c>), or null for pooled cuts.</param>
public sealed record TailCutExpr(string Function, Expr Operand, double Share, string? By) : Expr
{
    /// <summary>The function names parsed into this node.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["winsor", "trim"];

    /// <summary>True for trim (values beyond the cuts become missing), false for winsor (clamped).</summary>
    public bool Trims => Function == "trim";

    /// <inheritdoc />
    public override IReadOnlyList<Expr> Children => By is null ? [Operand] : [Operand, new ColumnExpr(By) { Position = Position }];

    internal override int Precedence => AtomLevel;

    internal override void Render(StringBuilder sb)
    {
        sb.Append(Function).Append('(');
        Operand.Render(sb);
        sb.Append(", ").Append(Names.Number(Share));
        if (By is not null) sb.Append(", by = ").Append(Names.Quote(By));
        sb.Append(')');
    }

    /// <summary>True when <paramref name="expr"/> contains a winsor() or trim() anywhere.</summary>
    public static bool Occurs(Expr expr) => expr.SelfAndDescendants().Any(e => e is TailCutExpr);
}
