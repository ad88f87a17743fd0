using System.Diagnostics;
using DuckDB.NET.Data;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Models;
using Panelwise.Results;

namespace Panelwise.IO.Engines;

/// <summary>Fits <c>y ~ x1 + ... | g</c> (and <c>| g + t</c>; iid, HC1, one- or two-way cluster, weights) in embedded DuckDB without
/// materialising its rows here: the statements of the PostgreSQL push-down (<see cref="PushdownSql"/>, DuckDB dialect)
/// run on the relation of a <see cref="DuckSource"/> (a DuckDB table or query, or Parquet files), and
/// <see cref="SufficientStatisticsFit"/> finishes in memory. DuckDB streams the relation and spills to a temporary
/// directory when its hash tables outgrow memory, so the rows may exceed what an in-memory fit can hold.</summary>
public static class DuckPushdown
{
    /// <summary>The fit, with an engine block (engine: duckdb).</summary>
    /// <exception cref="DataException">No such file, table or column, a query DuckDB rejects, or an infinite value.</exception>
    /// <exception cref="EstimationException">A model the push-down does not compute, or one that cannot be estimated.</exception>
    public static RegressionResult Fit(DuckSource source, string formula, VcovSpec spec, bool dropSingletons = true, string? weights = null) =>
        TryFit(source, formula, spec, dropSingletons, weights) ?? throw EstimationException.NotOnEngine($"The model {formula} on these columns");

    /// <summary>The fit, or null when the columns' types need the rows (e.g. a text regressor).</summary>
    internal static RegressionResult? TryFit(DuckSource source, string formula, VcovSpec spec, bool dropSingletons, string? weights)
    {
        var model = (PushdownModel.TryFrom(formula, spec) ?? throw EstimationException.NotOnEngine($"The model {formula}")) with { Weights = weights };
        return DuckErrors.Guard(source, () =>
        {
            var clock = Stopwatch.StartNew();
            using var connection = source.Open();
            var types = ColumnTypes(connection, source);
            foreach (string c in model.Columns())
                if (!types.ContainsKey(c)) throw DataException.MissingColumn(source.Display, c, types.Keys);
            var sample = new PushdownSample(model, types);
            if (sample.NotNumeric() is not null) return null;
            var sites = new DuckSites(connection, new PushdownSql(model, source.RelationAs("r"), dropSingletons, PushdownDialect.DuckDb));
            return EnginePushdown.Compute(model, spec, sample, sites, dropSingletons, source.Display, "duckdb", clock);
        });
    }

    /// <summary>The relation's columns and their types under the PostgreSQL names <see cref="PushdownSample"/> reads
    /// (DOUBLE is double precision, DECIMAL numeric...; any other type keeps DuckDB's name and counts as text).</summary>
    private static Dictionary<string, string> ColumnTypes(DuckDBConnection connection, DuckSource source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM {source.RelationAs("r")}";
        using var reader = command.ExecuteReader();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) types.TryAdd(reader.GetString(0), PostgresName(reader.GetString(1)));
        return types;
    }

    private static string PostgresName(string duckType) => duckType.ToUpperInvariant() switch
    {
        "DOUBLE" => "double precision",
        "FLOAT" => "real",
        var d when d.StartsWith("DECIMAL", StringComparison.Ordinal) => "numeric",
        "TINYINT" or "SMALLINT" or "UTINYINT" => "smallint",
        "INTEGER" or "USMALLINT" => "integer",
        "BIGINT" or "UINTEGER" or "UBIGINT" or "HUGEINT" or "UHUGEINT" => "bigint",
        "BOOLEAN" => "boolean",
        var other => other.ToLowerInvariant(),
    };

    /// <summary>The relation's column names, in order (described, not run).</summary>
    internal static List<string> ColumnNames(DuckDBConnection connection, DuckSource source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {source.RelationAs("r")} LIMIT 0";
        using var reader = command.ExecuteReader();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }
}
