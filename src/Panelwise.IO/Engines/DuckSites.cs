using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;

namespace Panelwise.IO.Engines;

/// <summary>The one site of a push-down fit in embedded DuckDB: the statements of <see cref="PushdownSql"/> in DuckDB's
/// dialect over the source relation, on one connection (DuckDB itself spreads each over the cores).</summary>
internal sealed class DuckSites(DuckDBConnection connection, PushdownSql sql) : IPushdownSites
{
    public int Shards => 0;

    public int Count { get; private set; } = 1;

    public List<EngineRow>[] Rows(Func<PushdownSql, string> statement, object[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = statement(sql);
        foreach (var p in parameters) command.Parameters.Add(new DuckDBParameter(p));
        using var reader = command.ExecuteReader();
        var rows = new List<EngineRow>();
        while (reader.Read())
        {
            var texts = new List<string?>();
            var values = new List<double>();
            for (int i = 0; i < reader.FieldCount; i++)
            {
                if (reader.IsDBNull(i))
                {
                    if (reader.GetFieldType(i) == typeof(string)) texts.Add(null);
                    else if (!typeof(System.Collections.IEnumerable).IsAssignableFrom(reader.GetFieldType(i))) values.Add(double.NaN);
                    continue;
                }
                switch (reader.GetValue(i))
                {
                    case string s: texts.Add(s); break;
                    case BigInteger b: values.Add((double)b); break;
                    case bool b: values.Add(b ? 1 : 0); break;
                    case IEnumerable<double> list: values.AddRange(list); break;
                    case IEnumerable<double?> list: values.AddRange(list.Select(x => x ?? double.NaN)); break;
                    case var v: values.Add(Convert.ToDouble(v, CultureInfo.InvariantCulture)); break;
                }
            }
            rows.Add(new EngineRow([.. texts], [.. values]));
        }
        return [rows];
    }

    public void Filter(string rows) => sql.RowFilter = rows;

    public void Keep(Func<int, bool> keep) => Count = keep(0) ? 1 : 0;
}
