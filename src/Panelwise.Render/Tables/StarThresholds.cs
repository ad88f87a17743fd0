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

    /// <summary>The legend note in <paramref name="text"/>'s language: "* p&lt;0.1, ** p&lt;0.05, *** p&lt;0.01." or
    /// "*、**、***分别表示在10%、5%、1%的水平上显著。".</summary>
    public string Legend(TableText text)
    {
        if (!text.PercentLegend) return string.Format(System.Globalization.CultureInfo.InvariantCulture, text.StarsLegend, Legend());
        var loosest = Levels.OrderByDescending(l => l.Level).ToList();
        string symbols = string.Join("、", loosest.Select(l => l.Symbol));
        string levels = string.Join("、", loosest.Select(l => (l.Level * 100).ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + "%"));
        string legend = loosest.Count == 1 ? $"{symbols}表示在{levels}的水平上显著" : $"{symbols}分别表示在{levels}的水平上显著";
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, text.StarsLegend, legend);
    }

    /// <summary>"* p&lt;0.1, ** p&lt;0.05, *** p&lt;0.01" (loosest first).</summary>
    public string Legend() => string.Join(", ", Levels.OrderByDescending(l => l.Level)
        .Select(l => $"{l.Symbol} p<{l.Level.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
}
