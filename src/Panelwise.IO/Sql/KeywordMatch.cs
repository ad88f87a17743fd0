using System.Text;

namespace Panelwise.IO.Sql;

/// <summary>The SQL condition "the text contains any of these words", with every word passed as a parameter.</summary>
internal static class KeywordMatch
{
    /// <summary><c>(contains(text, $1) OR ... OR regexp_matches(text, $k, 'i'))</c>; appends the parameter values to
    /// <paramref name="parameters"/> (numbered after those already there).</summary>
    public static string Any(string text, IReadOnlyList<string> words, List<string> parameters)
    {
        var tests = new List<string>();
        foreach (var word in words.Where(w => !HasCase(w)))
        {
            parameters.Add(word);
            tests.Add($"contains({text}, ${parameters.Count})");
        }
        var cased = words.Where(HasCase).ToList();
        if (cased.Count > 0)
        {
            parameters.Add(string.Join("|", cased.Select(Escape)));
            tests.Add($"regexp_matches({text}, ${parameters.Count}, 'i')");
        }
        return "(" + string.Join(" OR ", tests) + ")";
    }

    /// <summary>True when a character of <paramref name="word"/> has another case (Latin, Greek, Cyrillic letters).</summary>
    public static bool HasCase(string word)
    {
        foreach (char c in word)
            if (char.ToUpperInvariant(c) != c || char.ToLowerInvariant(c) != c) return true;
        return false;
    }

    /// <summary>The word as a literal RE2 pattern: every ASCII punctuation or symbol character backslash-escaped
    /// (RE2 reads "\c" as the character c for any punctuation c), everything else as is.</summary>
    public static string Escape(string word)
    {
        var pattern = new StringBuilder(word.Length * 2);
        foreach (char c in word)
        {
            if (c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c))) pattern.Append('\\');
            pattern.Append(c);
        }
        return pattern.ToString();
    }
}
