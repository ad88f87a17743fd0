using System.Globalization;
using System.Text;

namespace Panelwise.IO.Sql;

/// <summary>The case folding of the keyword classifier, for writing the same match elsewhere.</summary>
public sealed partial class SqlSession
{
    /// <summary>For each cased letter (one with an upper or lower case; others are returned alone), every character
    /// DuckDB's case-insensitive match (RE2, with its own Unicode tables) treats as equal to it, in code point order:
    /// k gives K, k and U+212A KELVIN SIGN; s gives S, s and U+017F LONG S. Asked of DuckDB itself, so that a condition
    /// built from it matches exactly where <see cref="Classify"/> does: one scan of all code points against a class of
    /// the letters, then each letter against the few characters found (code points are written as integers).</summary>
    public IReadOnlyDictionary<Rune, IReadOnlyList<Rune>> CaseOrbits(IEnumerable<Rune> letters)
    {
        var result = new Dictionary<Rune, IReadOnlyList<Rune>>();
        var cased = new List<Rune>();
        foreach (var letter in letters.Distinct())
        {
            if (KeywordMatch.HasCase(letter.ToString())) cased.Add(letter);
            else result[letter] = [letter];
        }
        if (cased.Count == 0) return result;
        return Run(() =>
        {
            var found = new List<int>();
            using (var command = _connection.CreateCommand())
            {
                // Cased characters are never ASCII punctuation, so the class needs no escaping.
                command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("[" + string.Concat(cased) + "]"));
                command.CommandText = """
                    SELECT v FROM range(1, 1114112) t(v)
                    WHERE (v < 55296 OR v > 57343) AND regexp_matches(chr(v::INTEGER), $1, 'i') ORDER BY v
                    """;
                using var reader = command.ExecuteReader();
                while (reader.Read()) found.Add((int)reader.GetInt64(0));
            }
            var members = cased.ToDictionary(l => l.Value, _ => new List<Rune>());
            using (var command = _connection.CreateCommand())
            {
                string List(IEnumerable<int> values) => "[" + string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";
                command.CommandText = $"""
                    SELECT l, f FROM unnest({List(cased.Select(l => l.Value))}) a(l), unnest({List(found)}) b(f)
                    WHERE regexp_matches(chr(f), '^' || chr(l) || '$', 'i') ORDER BY l, f
                    """;
                using var reader = command.ExecuteReader();
                while (reader.Read()) members[reader.GetInt32(0)].Add(new Rune(reader.GetInt32(1)));
            }
            foreach (var letter in cased) result[letter] = members[letter.Value].Count == 0 ? [letter] : members[letter.Value];
            return (IReadOnlyDictionary<Rune, IReadOnlyList<Rune>>)result;
        });
    }
}
