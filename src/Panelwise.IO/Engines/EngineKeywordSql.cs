using System.Text;
using Panelwise.IO.Sql;

namespace Panelwise.IO.Engines;

/// <summary>"The text contains any of these words" in PostgreSQL, with the local classifier's semantics
/// (<see cref="SqlSession.Classify"/>): a word without upper/lower case (Chinese) is an exact substring test,
/// <c>strpos(text, 'word') &gt; 0</c> (no pattern, so % _ and \ are plain characters); the words with case (Latin,
/// Greek, Cyrillic) are one case-sensitive regular expression <c>text ~ '...'</c> in which every cased letter is the
/// bracket of the characters DuckDB's case-insensitive RE2 match treats as equal to it (<see cref="SqlSession.CaseOrbits"/>,
/// asked of DuckDB: [Kk\u212A]) and every ASCII punctuation or symbol is backslash-escaped (a literal in PostgreSQL's
/// regular expressions), so it matches exactly where the local match does, whatever the server's locale. Words are written as E'' literals (quote and
/// backslash escaped), which read the same under any standard_conforming_strings, so that the condition can sit in a
/// view or CTE that later queries reuse.</summary>
internal static class EngineKeywordSql
{
    /// <summary><c>(strpos(t, E'w1') &gt; 0 OR ... OR t ~ E'pattern')</c> for the quoted text column <paramref name="text"/>.</summary>
    public static string Any(string text, IReadOnlyList<string> words, IReadOnlyDictionary<Rune, IReadOnlyList<Rune>> orbits)
    {
        var tests = words.Where(w => !KeywordMatch.HasCase(w)).Select(w => $"strpos({text}, {Literal(w)}) > 0").ToList();
        var cased = words.Where(KeywordMatch.HasCase).ToList();
        if (cased.Count > 0) tests.Add($"{text} ~ {Literal(string.Join("|", cased.Select(w => Pattern(w, orbits))))}");
        return "(" + string.Join(" OR ", tests) + ")";
    }

    /// <summary>The word as a pattern matching it in any case: cased letters as brackets of their orbit.</summary>
    public static string Pattern(string word, IReadOnlyDictionary<Rune, IReadOnlyList<Rune>> orbits)
    {
        var pattern = new StringBuilder(word.Length * 4);
        foreach (var rune in word.EnumerateRunes())
        {
            if (orbits.TryGetValue(rune, out var orbit) && orbit.Count > 1)
            {
                pattern.Append('[');
                foreach (var member in orbit) pattern.Append(member.ToString());
                pattern.Append(']');
            }
            else
            {
                if (rune.Value < 128 && (Rune.IsPunctuation(rune) || Rune.IsSymbol(rune))) pattern.Append('\\');
                pattern.Append(rune.ToString());
            }
        }
        return pattern.ToString();
    }

    /// <summary><c>E'text'</c> with backslash and quote escaped.</summary>
    public static string Literal(string text) => "E'" + text.Replace("\\", "\\\\").Replace("'", "''") + "'";
}
