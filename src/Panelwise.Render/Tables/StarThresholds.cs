namespace Panelwise.Render.Tables;

/// <summary>Significance stars: a p-value below a level gets its symbol, the strictest level winning. Default
/// * p &lt; 0.1, ** p &lt; 0.05, *** p &lt; 0.01, as esttab's <c>star(* 0.1 ** 0.05 *** 0.01)</c> and the seeds.</summary>
public sealed record StarThresholds(IReadOnlyList<(double Level, string Symbol)> Levels)
{
    public static StarThresholds Default { get; } = new([(0.1, "*"), (0.05, "**"), (0.01, "***")]);

    public static StarThresholds None { get; } = new([]);

    /// <summary>The symbol for <paramref name="pValue"/>; empty when not significant or not a number.</summary>
    public string For(double pValue)
    {
        string stars = "";
        double best = double.PositiveInfinity;
        foreach (var (level, symbol) in Levels)
            if (pValue < level && level < best) { stars = symbol; best = level; }
        return stars;
    }

    /// <summary>"* p&lt;0.1, ** p&lt;0.05, *** p&lt;0.01" (loosest first).</summary>
    public string Legend() => string.Join(", ", Levels.OrderByDescending(l => l.Level)
        .Select(l => $"{l.Symbol} p<{l.Level.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
}
