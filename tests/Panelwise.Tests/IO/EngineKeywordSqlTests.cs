using System.Text;
using Panelwise.IO.Engines;
using Panelwise.IO.Sql;
using Xunit;

namespace Panelwise.Tests.IO;

/// <summary>The engine's keyword condition is built from the local classifier's own case folding: DuckDB names the
/// characters its case-insensitive match treats as equal (including the Kelvin sign and the long s, which simple
/// lower-casing misses), and punctuation, quotes, backslashes and LIKE wildcards stay literal.</summary>
public class EngineKeywordSqlTests
{
    private static string Runes(IEnumerable<Rune> runes) => string.Concat(runes);

    [Fact]
    public void Case_orbits_come_from_duckdbs_case_insensitive_match()
    {
        using var sql = new SqlSession();
        var orbits = sql.CaseOrbits("ksσAi人".EnumerateRunes());
        Assert.Equal("Kk\u212A", Runes(orbits[new Rune('k')]));
        Assert.Equal("Ss\u017F", Runes(orbits[new Rune('s')]));
        Assert.Equal("Σςσ", Runes(orbits[new Rune('σ')]));
        Assert.Equal("Aa", Runes(orbits[new Rune('A')]));
        Assert.Equal("Ii", Runes(orbits[new Rune('i')]));
        Assert.Equal("人", Runes(orbits[new Rune('人')]));
        // Each orbit is exactly what RE2 matches: a case-sensitive match of the bracket finds what 'i' finds.
        foreach (var (letter, members) in orbits)
        {
            var matched = sql.Query($"SELECT count(*) AS n FROM range(1, 65536) t(v) WHERE (v < 55296 OR v > 57343) AND regexp_matches(chr(v::INTEGER), '^{letter}$', 'i')");
            Assert.Equal(members.Count, matched.Numeric("n").Values[0]);
        }
    }

    [Fact]
    public void Patterns_keep_punctuation_quotes_backslashes_and_wildcards_literal()
    {
        using var sql = new SqlSession();
        var orbits = sql.CaseOrbits("AIabCkIs".EnumerateRunes());
        Assert.Equal("[Aa][Ii]", EngineKeywordSql.Pattern("AI", orbits));
        Assert.Equal(@"50\%", EngineKeywordSql.Pattern("50%", orbits));
        Assert.Equal("[Cc]\\+\\+ [Kk\u212A]", EngineKeywordSql.Pattern("C++ k", orbits));
        Assert.Equal(@"E'it''s a \\ b'", EngineKeywordSql.Literal(@"it's a \ b"));
        Assert.Equal("(strpos(\"t\", E'人工智能') > 0 OR strpos(\"t\", E'50%_') > 0)", EngineKeywordSql.Any("\"t\"", ["人工智能", "50%_"], orbits));
        Assert.Equal(@"(""t"" ~ E'[Aa]\\.[Bb]|[Ii]\\''[Ss" + "\u017F" + @"]')", EngineKeywordSql.Any("\"t\"", ["a.b", "I's"], orbits));
    }
}
