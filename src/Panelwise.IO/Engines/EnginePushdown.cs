using Npgsql;
using NpgsqlTypes;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Models;
using Panelwise.Results;

namespace Panelwise.IO.Engines;

/// <summary>Fits <c>y ~ x1 + ... | g</c> on a PostgreSQL-protocol engine without fetching its rows: two statements
/// compute the sufficient statistics (<see cref="PushdownSql"/>) and <see cref="SufficientStatisticsFit"/> finishes
/// the fit in memory, equal to the in-memory fit of the same rows up to the order of floating-point sums.</summary>
public static class EnginePushdown
{
    /// <summary>True when <paramref name="formula"/> under <paramref name="spec"/> can be computed on the engine.</summary>
    public static bool Supports(string formula, VcovSpec spec) => PushdownModel.TryFrom(formula, spec) is not null;

    /// <summary>The fit, with an <see cref="EngineSummary"/>.</summary>
    /// <exception cref="DataException">Cannot connect, or no such table/column.</exception>
    /// <exception cref="EstimationException">A model the push-down does not compute, or one that cannot be estimated.</exception>
    public static RegressionResult Fit(EngineSource source, string formula, VcovSpec spec, bool dropSingletons = true)
    {
        var model = PushdownModel.TryFrom(formula, spec) ?? throw EstimationException.NotOnEngine($"The model {formula}");
        return EngineErrors.Guard(source, () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var connection = new NpgsqlConnection(source.ConnectionString);
            connection.Open();
            var available = EngineReader.ColumnNames(connection, source);
            foreach (string c in model.Columns())
                if (!available.Contains(c)) throw DataException.MissingColumn(source.Display, c, available);
            var sql = new PushdownSql(model, source.RelationAs("r"), dropSingletons);
            var m = Row(connection, sql.Moments(), []);
            var stats = Statistics(model, m);
            var slopes = SufficientStatisticsFit.Slopes(stats);
            double[] means = stats.MeansX;
            bool robust = spec is not IidVcovSpec;
            var r = Row(connection, sql.Residuals(robust), [slopes, means]);
            var residuals = Residuals(model, r, robust, stats.Regressors.Count + 1);
            long bytes = 8L * (m.Length + r.Length);
            var engine = new EngineSummary("postgresql", 2, (long)m[0] * 2 * PushdownSql.ScansPerPass, bytes);
            return SufficientStatisticsFit.Finish(stats, slopes, residuals, spec, engine, clock.Elapsed.TotalSeconds);
        });
    }

    private static double[] Row(NpgsqlConnection connection, string sql, double[][] arrays)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var a in arrays)
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double, Value = a });
        using var reader = command.ExecuteReader();
        reader.Read();
        var values = new double[reader.FieldCount];
        for (int i = 0; i < values.Length; i++)
            values[i] = reader.IsDBNull(i) ? double.NaN : Convert.ToDouble(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    private static SufficientStatistics Statistics(PushdownModel model, double[] v)
    {
        int k = model.Regressors.Count, at = 0;
        double all = v[at++], rows = double.IsNaN(v[at]) ? 0 : v[at]; at++;
        double levels = v[at++], my = v[at++];
        var means = new double[k];
        for (int j = 0; j < k; j++) means[j] = v[at++];
        double between = v[at++], yy = v[at++];
        var xy = new double[k];
        for (int j = 0; j < k; j++) xy[j] = v[at++];
        var xx = new double[k, k];
        for (int a = 0; a < k; a++)
            for (int b = a; b < k; b++) xx[a, b] = xx[b, a] = v[at++];
        return new SufficientStatistics
        {
            Formula = model.Formula, ResponseName = model.Response, Regressors = model.Regressors, FixedEffect = model.Effect,
            Levels = (int)levels, Rows = (long)rows, Singletons = double.IsNaN(all) ? 0 : (long)(all - rows),
            MeanY = my, MeansX = means, Xtx = xx, Xty = xy, Yty = yy, TotalSquares = yy + between,
        };
    }

    private static ResidualStatistics Residuals(PushdownModel model, double[] v, bool robust, int p)
    {
        if (!robust) return new ResidualStatistics { Ssr = v[0] };
        var meat = new double[p, p];
        int at = 1;
        for (int a = 0; a < p; a++)
            for (int b = a; b < p; b++) meat[a, b] = meat[b, a] = v[at++];
        return model.Cluster is null
            ? new ResidualStatistics { Ssr = v[0], Meat = meat }
            : new ResidualStatistics
            {
                Ssr = v[0], Meat = meat, Cluster = model.Cluster, ClusterCount = (int)v[at], EffectNestedInCluster = v[at + 1] == 1,
            };
    }
}
