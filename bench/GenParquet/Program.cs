using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

// Synthetic firm panel of bench/gen.R, written as Parquet (and optionally CSV) by DuckDB SQL, streamed: nothing of
// size n is held in this process, so 1e8 rows fit on a machine where gen.R (all columns in R memory) does not.
// SAME DESIGN as gen.R (read its header), NOT THE SAME RANDOM DRAWS: gen.R uses R's Mersenne-Twister; this uses a
// counter-based generator: uniform = ((hash(key) >> 11) + 0.5) / 2^53, with key = seed (bits 36-63), stream (31-35) and
// index (0-30) packed into one 64-bit integer and DuckDB's hash of one integer (a MurmurHash3 finaliser, a bijective
// mixer; its multi-argument hash(a, b, c) combines the parts too weakly: streams came out correlated), and normals by
// Box-Muller from two such uniforms, so every value depends only on (seed, stream, index) and the output is the same
// on every run and thread count (for one DuckDB version). Estimates therefore differ from fixest's anchor figures on
// gen.R's files by sampling noise.
//   years 2001..2020; n_ids = ceil(n/16) firms on a full n_ids x 20 grid; each grid cell is kept with probability
//   0.8 + a margin of 8 sd, and the first n kept cells in grid order are taken, so there are exactly n rows (~16 years
//   per firm; the last few firms of the grid, ~0.04% of them, are absent, as gen.R's n_ids_present also allows).
//   ind = industry of the firm (100 levels), indyear = (ind-1)*20 + year index (2,000 levels); x1..x5, z1, z2, y, y3,
//   yiv exactly as in gen.R's header (a_id ~ N(0,1), g_year ~ N(0,0.25) + 0.05 (year-2010), h_indyear ~ N(0,0.25),
//   heteroskedastic e, beta = 1, -0.5, 0.25, 0, 2), regressors rounded to 6 decimals before the outcomes are built and
//   outcomes rounded to 6 decimals.
// Usage: GenParquet N OUT_DIR [--csv] [--seed S] [--threads T]  ->  OUT_DIR/panel_<tag>.parquet (and .csv),
// tag as gen.R's (1e6, 1e7, 1e8).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: GenParquet N OUT_DIR [--csv] [--seed S] [--threads T]");
    return 1;
}
long n = (long)double.Parse(args[0], CultureInfo.InvariantCulture);
string dir = Path.GetFullPath(args[1]);
bool csv = args.Contains("--csv");
long seed = Option("--seed", 20251123);
long threads = Option("--threads", Environment.ProcessorCount);
Directory.CreateDirectory(dir);
string tag = n.ToString("0e0", CultureInfo.InvariantCulture).Replace("e+", "e");
long ids = (n + 15) / 16, grid = ids * 20;
double sd = Math.Sqrt(grid * 0.8 * 0.2), keep = Math.Min(1.0, (0.8 * grid + 8 * sd) / grid);
string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

string panel = $"""
    WITH cells AS (
      SELECT i, (i // 20 + 1)::INTEGER AS id, (i % 20 + 1)::INTEGER AS yi FROM range({grid}) r(i)
      WHERE pw_u(0, i) < {R(keep)} LIMIT {n}),
    effects AS (
      SELECT i, id, yi, (1 + pw_h(1, id) % 100)::INTEGER AS ind, pw_n(2, id) AS a,
             0.5 * pw_n(3, yi) + 0.05 * (yi + 2000 - 2010) AS g FROM cells),
    drawn AS (
      SELECT *, ((ind - 1) * 20 + yi)::INTEGER AS indyear, 0.5 * pw_n(4, (ind - 1) * 20 + yi) AS h,
             round(pw_n(5, i), 6) AS z1, round(pw_n(6, i), 6) AS z2, pw_n(7, i) AS v FROM effects),
    regressors AS (
      SELECT *, round(0.5 * z1 + 0.5 * z2 + 0.3 * a + v, 6) AS x1, round(0.5 * a + pw_n(8, i), 6) AS x2,
             round(0.3 * g + pw_n(9, i), 6) AS x3, round(pw_n(10, i), 6) AS x4, round(0.4 * h + pw_n(11, i), 6) AS x5
      FROM drawn),
    built AS (
      SELECT *, 1.0 * x1 - 0.5 * x2 + 0.25 * x3 + 0 * x4 + 2 * x5 AS xb, pw_n(12, i) * sqrt(0.5 + 0.5 * x4 * x4) AS e
      FROM regressors)
    SELECT id, (yi + 2000)::INTEGER AS year, ind, indyear, x1, x2, x3, x4, x5, z1, z2,
           round(xb + a + g + e, 6) AS y, round(xb + a + g + h + e, 6) AS y3, round(xb + a + g + 0.8 * v + e, 6) AS yiv
    FROM built
    """;

using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
Execute($"SET threads = {threads}; SET preserve_insertion_order = true; SET temp_directory = '{dir}/duckdb-tmp'");
Execute($"CREATE MACRO pw_h(s, i) AS hash(({seed % (1L << 27)}::UBIGINT << 36) + (s::UBIGINT << 31) + i::UBIGINT)");
Execute("CREATE MACRO pw_u(s, i) AS ((pw_h(s, i) >> 11)::DOUBLE + 0.5) / 9007199254740992.0");
Execute("CREATE MACRO pw_n(s, i) AS sqrt(-2 * ln(pw_u(2 * s, i))) * cos(2 * pi() * pw_u(2 * s + 1, i))");
var clock = Stopwatch.StartNew();
string parquet = Path.Combine(dir, $"panel_{tag}.parquet");
Execute($"COPY ({panel}) TO '{parquet}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 1048576)");
Console.WriteLine($"wrote {parquet}: {new FileInfo(parquet).Length / 1e6:F1} MB, {clock.Elapsed.TotalSeconds:F1} s");
if (csv)
{
    // From the Parquet just written, so both files hold the same rows in the same order.
    string file = Path.Combine(dir, $"panel_{tag}.csv");
    Execute($"COPY (SELECT * FROM read_parquet('{parquet}')) TO '{file}' (HEADER, DELIMITER ',')");
    Console.WriteLine($"wrote {file}: {new FileInfo(file).Length / 1e6:F1} MB, {clock.Elapsed.TotalSeconds:F1} s");
}
using (var check = new DuckDBCommand($"SELECT count(*), count(DISTINCT id), max(id), count(DISTINCT indyear) FROM read_parquet('{parquet}')", connection))
using (var reader = check.ExecuteReader())
{
    reader.Read();
    Console.WriteLine($"rows {reader.GetInt64(0)}, ids present {reader.GetInt64(1)} of {ids} (max id {reader.GetInt32(2)}), " +
                      $"indyear levels {reader.GetInt64(3)}, seed {seed}");
}
return 0;

long Option(string name, long fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? long.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

void Execute(string sql)
{
    using var command = new DuckDBCommand(sql, connection);
    command.ExecuteNonQuery();
}
