using Panelwise.Results;
using Panelwise.Inference;

namespace Panelwise.Render.Tables;

/// <summary>The test-statistic rows a regression table can show, by name (the study file's <c>tests:</c> words):
/// the model's F, the panel tests of <c>RegressionResult.Tests</c> (f_u, bp_lm) and the IV diagnostics of
/// <c>RegressionResult.Iv</c> (names follow the fit JSON, see IvJson). Statistics carry stars from their p-value;
/// p-values, F statistics without a p-value and critical values are shown plain. A statistic that does not apply to a
/// column (e.g. KP rk LM under iid errors, Hansen J when exactly identified) leaves its cell empty.</summary>
public static class TestRowCatalog
{
    private enum Show { StatisticWithStars, PValue, Value }

    private sealed record Entry(string Label, Show Show, Func<RegressionResult, TestStatistic?>? Test, Func<RegressionResult, double?>? Value = null);

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["f"] = new("F", Show.StatisticWithStars, r => r.FTest is { } f ? new TestStatistic("F", f.Statistic, f.Df1, f.PValue, f.Df2) : null),
        ["f_u"] = new("F test (all u_i = 0)", Show.StatisticWithStars, r => r.Tests.GetValueOrDefault("f_u")),
        ["bp_lm"] = new("Breusch-Pagan LM", Show.StatisticWithStars, r => r.Tests.GetValueOrDefault("bp_lm")),
        ["anderson_lm"] = new("Anderson LM", Show.StatisticWithStars, r => r.Iv?.AndersonLm),
        ["kp_lm"] = new("KP rk LM", Show.StatisticWithStars, r => r.Iv?.KpRkLm),
        ["kp_lm_p"] = new("KP rk LM (p)", Show.PValue, r => r.Iv?.KpRkLm),
        ["kp_f"] = new("KP rk Wald F", Show.Value, null, r => r.Iv?.KpRkWaldF),
        ["cd_f"] = new("Cragg-Donald F", Show.Value, null, r => r.Iv?.CraggDonaldF),
        ["sy10"] = new("Stock-Yogo 10% size", Show.Value, null, r => r.Iv?.StockYogo?.Size10),
        ["first_f"] = new("First-stage F", Show.Value, null, FirstStageF),
        ["sargan_p"] = new("Sargan (p)", Show.PValue, r => r.Iv?.Sargan),
        ["hansen_j"] = new("Hansen J", Show.StatisticWithStars, r => r.Iv?.HansenJ),
        ["hansen_p"] = new("Hansen J (p)", Show.PValue, r => r.Iv?.HansenJ),
        ["endog_p"] = new("Endogeneity test (p)", Show.PValue, r => r.Iv?.Endogeneity),
        ["ar_p"] = new("Anderson-Rubin F (p)", Show.PValue, r => r.Iv?.AndersonRubin?.F),
    };

    /// <summary>Every valid name, in the order above.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Entries.Keys];

    public static bool IsKnown(string name) => Entries.ContainsKey(name);

    /// <summary>The row of <paramref name="name"/> with its default label.</summary>
    public static TestRow Row(string name) => Row(name, TableText.En);

    /// <summary>The row of <paramref name="name"/> labelled in <paramref name="text"/>'s language.</summary>
    public static TestRow Row(string name, TableText text) =>
        Entries.TryGetValue(name, out var e) ? new TestRow(name, text.TestLabel(name, e.Label)) : throw new UserInputException($"Unknown test row '{name}'.");

    /// <summary>The smallest first-stage F over the endogenous regressors (the one that matters for weak instruments).</summary>
    public static double? FirstStageF(RegressionResult r) =>
        r.Iv is { FirstStage.Count: > 0 } iv ? iv.FirstStage.Min(f => f.F.Statistic) : null;

    /// <summary>The cell of <paramref name="key"/> for one result, or null when it does not apply. A key not in the
    /// catalog is looked up in <c>RegressionResult.Tests</c> and shown with stars.</summary>
    internal static TableCell? Cell(RegressionResult r, string key, RegressionTableOptions options)
    {
        var entry = Entries.GetValueOrDefault(key) ?? new Entry(key, Show.StatisticWithStars, x => x.Tests.GetValueOrDefault(key));
        if (entry.Value is { } value) return value(r) is double v ? new TableCell(NumberFormat.Fixed(v, options.Decimals)) : null;
        if (entry.Test?.Invoke(r) is not { } t) return null;
        return entry.Show == Show.PValue
            ? new TableCell(NumberFormat.PValue(t.PValue, options.Decimals))
            : new TableCell(NumberFormat.Fixed(t.Statistic, options.Decimals), options.Stars.For(t.PValue));
    }
}
