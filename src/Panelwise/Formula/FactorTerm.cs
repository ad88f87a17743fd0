namespace Panelwise.Formula;

/// <summary><c>i(f)</c>: one dummy per level of <see cref="Variable"/>, named <c>f::level</c>, leaving out the
/// reference level (the lowest one unless <c>ref = </c> says otherwise). With a slope, <c>i(f, x)</c>: each
/// level's dummy times x, named <c>f::level:x</c>, for all levels unless a reference is given.</summary>
/// <param name="Variable">The categorical or integer-valued column.</param>
/// <param name="Slope">The numeric term multiplied by each dummy, or null.</param>
/// <param name="Reference">The level left out, as text (numbers as written, e.g. "2001"), or null.</param>
public sealed record FactorTerm(string Variable, ExpressionTerm? Slope, string? Reference) : Term
{
    /// <inheritdoc />
    public override string Name
    {
        get
        {
            string text = $"i({Names.Quote(Variable)}";
            if (Slope is not null) text += $", {Slope.Name}";
            if (Reference is not null) text += $", ref = {QuoteReference(Reference)}";
            return text + ")";
        }
    }

    /// <summary>The name of the column built for <paramref name="level"/>, as fixest names it.</summary>
    public string LevelName(string level) =>
        Slope is null ? $"{Names.Quote(Variable)}::{level}" : $"{Names.Quote(Variable)}::{level}:{Slope.Name}";

    /// <inheritdoc />
    public override IReadOnlySet<string> Columns()
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { Variable };
        if (Slope is not null) set.UnionWith(Slope.Columns());
        return set;
    }

    /// <inheritdoc />
    public override bool UsesPanel() => Slope?.UsesPanel() ?? false;

    private static string QuoteReference(string reference) =>
        double.TryParse(reference, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? reference : $"\"{reference}\"";
}
