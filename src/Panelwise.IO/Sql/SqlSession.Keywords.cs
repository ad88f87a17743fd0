using DuckDB.NET.Data;

namespace Panelwise.IO.Sql;

/// <summary>Keyword classification, executed as SQL so that it streams over any number of rows.</summary>
public sealed partial class SqlSession
{
    /// <summary>Adds the 0/1 INTEGER column <see cref="KeywordRule.Into"/> to the rule's table (see
    /// <see cref="KeywordRule"/>) and counts what it did. Each keyword is a query parameter compared with
    /// <c>contains(lower(text), lower(keyword))</c>.</summary>
    /// <exception cref="SqlException">Unknown table or text column, a text column that is not VARCHAR, an existing
    /// <c>Into</c> column, no keywords or an empty one.</exception>
    public KeywordCounts Classify(KeywordRule rule)
    {
        if (rule.Keywords.Count == 0) throw SqlException.NoKeywords();
        if (rule.Keywords.Any(k => k.Length == 0)) throw SqlException.EmptyKeyword("keywords");
        if (rule.Exclude.Any(k => k.Length == 0)) throw SqlException.EmptyKeyword("exclude");
        var columns = Columns(rule.Table);
        var text = columns.FirstOrDefault(c => c.Name == rule.Text);
        if (text.Name is null) throw SqlException.UnknownColumn(rule.Text, rule.Table, columns.Select(c => c.Name));
        if (text.Type != "VARCHAR") throw SqlException.NotText(rule.Text, rule.Table, text.Type);
        if (columns.Any(c => string.Equals(c.Name, rule.Into, StringComparison.OrdinalIgnoreCase)))
            throw SqlException.ColumnExists(rule.Into, rule.Table);
        string table = SqlName.Quote(rule.Table), into = SqlName.Quote(rule.Into), source = SqlName.Quote(rule.Text);
        // One pass: lower-case each text once, test the keywords ($1..$k) and exclusions ($k+1..) on it, rebuild the
        // table with the new column (rows keep their order) and a flag for the count of excluded texts.
        string hit = Any(1, rule.Keywords.Count);
        string veto = rule.Exclude.Count == 0 ? "false" : Any(1 + rule.Keywords.Count, rule.Exclude.Count);
        return Run(() =>
        {
            using var command = _connection.CreateCommand();
            foreach (var word in rule.Keywords.Concat(rule.Exclude)) command.Parameters.Add(new DuckDBParameter(word));
            command.CommandText = $"""
                CREATE OR REPLACE TABLE {table} AS
                SELECT * EXCLUDE (pw__lower, pw__hit, pw__veto), (pw__hit AND NOT pw__veto)::INTEGER AS {into},
                       pw__hit AND pw__veto AS pw__excluded
                FROM (SELECT *, coalesce({hit}, false) AS pw__hit, coalesce({veto}, false) AS pw__veto
                      FROM (SELECT *, lower({source}) AS pw__lower FROM {table}))
                """;
            command.ExecuteNonQuery();
            command.Parameters.Clear();
            command.CommandText = $"""
                SELECT count(*), count(*) FILTER (WHERE {into} = 1), count(*) FILTER (WHERE pw__excluded),
                       count(*) FILTER (WHERE {source} IS NULL)
                FROM {table}
                """;
            KeywordCounts counts;
            using (var reader = command.ExecuteReader())
            {
                reader.Read();
                counts = new KeywordCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }
            command.CommandText = $"ALTER TABLE {table} DROP COLUMN pw__excluded";
            command.ExecuteNonQuery();
            return counts;
        });
    }

    /// <summary><c>(contains(pw__lower, lower($i)) OR ...)</c> for the parameters from <paramref name="first"/> on.</summary>
    private static string Any(int first, int count) =>
        "(" + string.Join(" OR ", Enumerable.Range(first, count).Select(i => $"contains(pw__lower, lower(${i}))")) + ")";
}
