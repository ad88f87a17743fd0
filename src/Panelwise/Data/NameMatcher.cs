namespace Panelwise.Data;

/// <summary>Finds names close to a mistyped one, for "did you mean" hints.</summary>
public static class NameMatcher
{
    /// <summary>Up to three candidates equal ignoring case or within edit distance 2.</summary>
    public static List<string> Closest(string name, IEnumerable<string> candidates)
    {
        string lower = name.ToLowerInvariant();
        return candidates.Where(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)
                                     || Distance(n.ToLowerInvariant(), lower) <= 2).Take(3).ToList();
    }

    /// <summary>" Did you mean 'a' or 'b'?" or an empty string.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
    {
        var close = Closest(name, candidates);
        return close.Count == 0 ? "" : $" Did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
