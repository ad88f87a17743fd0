using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Panelwise.IO.Engines;

/// <summary>One result row of a push-down statement: its text columns (levels, cluster keys; null for SQL NULL) and
/// its numbers (float8[] columns spread out, NULL as NaN), in column order.</summary>
internal sealed record EngineRow(string?[] Texts, double[] Values)
{
    /// <summary>The bytes these values take on the wire: 8 per number, the UTF-8 length of each text.</summary>
    public long Bytes => 8L * Values.Length + Texts.Sum(t => t is null ? 0L : Encoding.UTF8.GetByteCount(t));

    /// <summary>Runs <paramref name="sql"/> with <paramref name="arrays"/> as $1, $2... (float8[] or text[]).</summary>
    public static List<EngineRow> Read(NpgsqlConnection connection, string sql, object[] arrays)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var a in arrays)
            command.Parameters.Add(new NpgsqlParameter
            {
                NpgsqlDbType = NpgsqlDbType.Array | (a is string[] ? NpgsqlDbType.Text : NpgsqlDbType.Double), Value = a,
            });
        using var reader = command.ExecuteReader();
        var rows = new List<EngineRow>();
        while (reader.Read())
        {
            var texts = new List<string?>();
            var values = new List<double>();
            for (int i = 0; i < reader.FieldCount; i++)
            {
                if (reader.GetPostgresType(i) is Npgsql.PostgresTypes.PostgresArrayType)
                    values.AddRange(reader.IsDBNull(i) ? [] : reader.GetFieldValue<double[]>(i));
                else if (reader.GetFieldType(i) == typeof(string)) texts.Add(reader.IsDBNull(i) ? null : reader.GetString(i));
                else values.Add(reader.IsDBNull(i) ? double.NaN : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture));
            }
            rows.Add(new EngineRow([.. texts], [.. values]));
        }
        return rows;
    }
}
