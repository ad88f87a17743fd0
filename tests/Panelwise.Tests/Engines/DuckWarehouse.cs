using DuckDB.NET.Data;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>A DuckDB database file with table <c>panel</c> and the same rows as <c>panel.parquet</c>, made once per test
/// class in a temporary folder: 1,990 units over up to 10 years (about one row in nine dropped, so unbalanced), 10
/// singleton units, y missing in every 97th row; x1, x2 and y from a hashed counter (deterministic), y
/// heteroskedastic; region = id mod 37 (units nested in it), grp = (id + year) mod 50 (varies within units).</summary>
public sealed class DuckWarehouse : IDisposable
{
    public DuckWarehouse()
    {
        Directory.CreateDirectory(Folder);
        using var connection = new DuckDBConnection($"DataSource={Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE MACRO u(s, i) AS ((hash(i * 8 + s) >> 11)::DOUBLE + 0.5) / 9007199254740992.0;
            CREATE TABLE panel AS
            WITH rows AS (
              SELECT (i // 10 + 1)::INTEGER AS id, (2001 + i % 10)::INTEGER AS year, i FROM range(19900) r(i) WHERE hash(i * 8 + 7) % 9 <> 0
              UNION ALL SELECT (2000 + s)::INTEGER, 2005, 100000 + s FROM range(1, 11) r(s)),
            drawn AS (SELECT id, year, i, u(1, i) + (id % 7) * 0.3 AS x1, u(2, i) * 2 - (year - 2000) * 0.05 AS x2 FROM rows)
            SELECT id, year,
                   CASE WHEN i % 97 = 0 THEN NULL ELSE 1.5 * x1 - 0.7 * x2 + (id % 13) * 0.2 + (year - 2000) * 0.1 + (u(3, i) - 0.5) * (1 + x1) END AS y,
                   x1, x2, (id % 37)::INTEGER AS region, ((id + year) % 50)::INTEGER AS grp,
                   CASE WHEN i % 89 = 0 THEN 'NaN'::DOUBLE ELSE x2 END AS x2n, 0.5 + u(4, i) AS w
            FROM drawn ORDER BY id, year;
            COPY panel TO '{Parquet}' (FORMAT parquet);
            """;
        command.ExecuteNonQuery();
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "panelwise-duck-" + Guid.NewGuid().ToString("N"));

    public string Database => Path.Combine(Folder, "warehouse.duckdb");

    public string Parquet => Path.Combine(Folder, "panel.parquet");

    /// <summary>duckdb:///.../warehouse.duckdb?table=panel</summary>
    public string Table => $"duckdb://{Database}?table=panel";

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
