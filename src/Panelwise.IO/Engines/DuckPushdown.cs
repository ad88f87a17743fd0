using System.Diagnostics;
using DuckDB.NET.Data;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Models;
using Panelwise.Results;

namespace Panelwise.IO.Engines;

/// <summary>Fits <c>y ~ x1 + ... | g</c> (and <c>| g + t</c>; iid, HC1 or one-way cluster) in embedded DuckDB without
/// materialising its rows here: the statements of the PostgreSQL push-down (<see cref="PushdownSql"/>, DuckDB dialect)
/// run on the relation of a <see cref="DuckSource"/> (a DuckDB table or query, or Parquet files), and
/// <see cref="SufficientStatisticsFit"/> finishes in memory. DuckDB streams the relation and spills to a temporary
/// directory when its hash tables outgrow memory, so the rows may exceed what an in-memory fit can hold.</summary>
public static class DuckPushdown
{
    /// <summary>The fit, with an engine block (engine: duckdb).</summary>
    /// <exception cref="DataException">No such file, table or column, or a query DuckDB rejects.</exception>
    /// <exception cref="EstimationException">A model the push-down does not compute, or one that cannot be estimated.</exception>
    public static RegressionResult Fit(DuckSource source, string formula, VcovSpec spec, bool dropSingletons = true)
    {
        var model = PushdownModel.TryFrom(formula, spec) ?? throw EstimationException.NotOnEngine($"The model {formula}");
        return DuckErrors.Guard(source, () =>
        {
            var clock = Stopwatch.StartNew();
            using var connection = source.Open();
            var available = ColumnNames(connection, source);
            foreach (string c in model.Columns())
                if (!available.Contains(c)) throw DataException.MissingColumn(source.Display, c, available);
            var sites = new DuckSites(connection, new PushdownSql(model, source.RelationAs("r"), dropSingletons, PushdownDialect.DuckDb));
            return EnginePushdown.Compute(model, spec, sites, "duckdb", clock);
        });
    }

    /// <summary>The relation's column names, in order (described, not run).</summary>
    internal static List<string> ColumnNames(DuckDBConnection connection, DuckSource source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {source.RelationAs("r")} LIMIT 0";
        using var reader = command.ExecuteReader();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }
}
