using System.Collections.Frozen;

namespace Panelwise.Data.Transforms;

/// <summary>The units a <c>convert</c> variable knows: each unit's kind of quantity and its size in the kind's base
/// unit, so that 万元 → 亿元 multiplies by 10⁴/10⁸ = 0.0001. Chinese statistical yearbooks mix 元, 万元 (10⁴) and 亿元
/// (10⁸) in one table and persons in 人 and 万人; a declared conversion is checked (same kind) and reported with its
/// count, where a bare <c>/ 10000</c> is not.</summary>
public static class MeasurementUnits
{
    private static readonly FrozenDictionary<string, (string Kind, double Size)> Table = new Dictionary<string, (string, double)>
    {
        ["元"] = ("yuan", 1), ["千元"] = ("yuan", 1e3), ["万元"] = ("yuan", 1e4), ["百万元"] = ("yuan", 1e6), ["亿元"] = ("yuan", 1e8),
        ["yuan"] = ("yuan", 1),
        ["美元"] = ("US dollars", 1), ["千美元"] = ("US dollars", 1e3), ["万美元"] = ("US dollars", 1e4),
        ["百万美元"] = ("US dollars", 1e6), ["亿美元"] = ("US dollars", 1e8), ["usd"] = ("US dollars", 1),
        ["人"] = ("persons", 1), ["万人"] = ("persons", 1e4), ["persons"] = ("persons", 1),
        ["个"] = ("count", 1), ["万个"] = ("count", 1e4), ["件"] = ("count", 1), ["万件"] = ("count", 1e4), ["count"] = ("count", 1),
        ["公里"] = ("length", 1e3), ["万公里"] = ("length", 1e7), ["km"] = ("length", 1e3), ["米"] = ("length", 1), ["m"] = ("length", 1),
        ["平方公里"] = ("area", 1), ["万平方公里"] = ("area", 1e4), ["km2"] = ("area", 1),
        ["ratio"] = ("share", 1), ["比值"] = ("share", 1), ["%"] = ("share", 0.01), ["‰"] = ("share", 0.001),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every unit name, in a stable order for messages.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The kind of quantity of <paramref name="unit"/> ("yuan", "persons", ...); null when unknown.</summary>
    public static string? Kind(string unit) => Table.TryGetValue(unit.Trim(), out var u) ? u.Kind : null;

    /// <summary>How a value in <paramref name="from"/> becomes one in <paramref name="to"/>: x * Multiplier / Divisor,
    /// with size(from) / size(to) written as a factor of at least 1 on one side and 1 on the other, so that 万元 → 亿元
    /// is x / 10000 exactly as the hand-written expression (0.0001 is not a binary fraction). Both units must be known
    /// and of the same kind.</summary>
    /// <exception cref="UserInputException">An unknown unit or two kinds of quantity.</exception>
    public static (double Multiplier, double Divisor) Factor(string from, string to)
    {
        if (!Table.TryGetValue(from.Trim(), out var f)) throw new UserInputException($"Unknown unit '{from}'.");
        if (!Table.TryGetValue(to.Trim(), out var t)) throw new UserInputException($"Unknown unit '{to}'.");
        if (f.Kind != t.Kind) throw new UserInputException($"'{from}' ({f.Kind}) and '{to}' ({t.Kind}) are different kinds of quantity.");
        return f.Size >= t.Size ? (f.Size / t.Size, 1) : (1, t.Size / f.Size);
    }
}
