using System.Text;

namespace Panelwise.IO.Engines;

/// <summary>The letters a case-insensitive match treats as one: every code point whose simple case fold
/// (lower(upper(c)), per character) equals that of a given one, e.g. {k, K, U+212A KELVIN SIGN} and {s, S, U+017F LONG S},
/// as RE2's case folding does for the local keyword classifier. The Turkic dotted capital I (U+0130) and dotless i
/// (U+0131) are left alone: Unicode folds them to i only under the Turkic or full rules, which RE2 does not use.
/// Built once over all code points (a few milliseconds).</summary>
internal static class CaseOrbit
{
    private static readonly Lazy<Dictionary<int, int[]>> Orbits = new(Build);

    /// <summary>The orbit of <paramref name="rune"/> in code point order, or just the rune when it has no other case.</summary>
    public static IReadOnlyList<Rune> Of(Rune rune) =>
        Orbits.Value.TryGetValue(Fold(rune), out var members) && members.Contains(rune.Value)
            ? members.Select(v => new Rune(v)).ToArray()
            : [rune];

    private static int Fold(Rune rune) =>
        rune.Value is 0x130 or 0x131 ? rune.Value : Rune.ToLowerInvariant(Rune.ToUpperInvariant(rune)).Value;

    private static Dictionary<int, int[]> Build()
    {
        var groups = new Dictionary<int, List<int>>();
        for (int v = 0; v <= 0x10FFFF; v++)
        {
            if (!Rune.IsValid(v)) continue;
            var rune = new Rune(v);
            int fold = Fold(rune);
            if (fold == v && Rune.ToUpperInvariant(rune) == rune && Rune.ToLowerInvariant(rune) == rune) continue;
            if (!groups.TryGetValue(fold, out var list)) groups[fold] = list = [];
            list.Add(v);
        }
        foreach (var (fold, list) in groups)
            if (!list.Contains(fold)) list.Add(fold);
        return groups.ToDictionary(g => g.Key, g => g.Value.Order().ToArray());
    }
}
