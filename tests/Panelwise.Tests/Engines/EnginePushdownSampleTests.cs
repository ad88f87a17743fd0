using Npgsql;
using Panelwise.Data;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.IO.Engines;
using Panelwise.Models;
using Panelwise.Results;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary>The push-down fit builds the in-memory fit's sample and says so in the same notes, on <c>edges</c> (units
/// 1-400 of the panel plus a few, sharded on id): y NULL, x1 NaN, x2 NULL and the float fixed effect yr NaN in some
/// rows (each dropped row counted against its first missing variable), the text effect ind empty in some rows, units
/// left with one row by the missing values (singletons), a level of yr with a single row, and unit 401 whose only
/// other row is alone in its yr level (a singleton only after that level goes: iterated dropping); x3 = 2 x1 - x2 is
/// collinear with the regressors and x4 with id. Each fit is compared with the in-memory fit of the pulled rows: the
/// same nobs and notes word for word, coefficients and standard errors to 1e-8 relative.</summary>
[Collection("postgres")]
public class EnginePushdownSampleTests
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Created = [];
    private readonly PostgresCluster _cluster;

    public EnginePushdownSampleTests(PostgresCluster cluster)
    {
        _cluster = cluster;
        lock (Gate)
        {
            if (!Created.Add(cluster.Url)) return;
            var source = EngineSource.Parse(cluster.Url + "?table=edges");
            ShardedTable.Create(source, "edges", [("id", "int"), ("year", "int"), ("y", "float8"), ("x1", "float8"), ("x2", "float8"),
                ("x3", "float8"), ("x4", "float8"), ("yr", "float8"), ("ind", "text"), ("grp", "int"), ("w", "float8")], "id");
            using var connection = new NpgsqlConnection(source.ConnectionString);
            connection.Open();
            ShardedTable.Execute(connection, """
                INSERT INTO edges
                SELECT id, year,
                       CASE WHEN id % 50 = 3 AND year = 2002 OR id % 97 = 0 AND year > 2001 THEN NULL ELSE y END,
                       CASE WHEN id % 40 = 7 AND year = 2004 THEN 'NaN'::float8 ELSE x1 END,
                       CASE WHEN id % 30 = 11 AND year IN (2004, 2005) THEN NULL ELSE x2 END,
                       2 * x1 - x2, (id % 9) * 0.5,
                       CASE WHEN id % 60 = 13 AND year = 2006 THEN 'NaN'::float8 WHEN id = 5 AND year = 2003 THEN 1990 ELSE year END,
                       CASE WHEN id % 70 = 21 AND year = 2008 THEN '' ELSE 'i' || (id % 7) END,
                       grp, CASE WHEN id % 45 = 2 AND year = 2009 THEN NULL ELSE 0.5 + (id % 5) * 0.25 + (year % 3) * 0.1 + (id % 11) * 0.3 END
                FROM panel WHERE id <= 400;
                INSERT INTO edges VALUES (401, 2001, 1.0, 0.3, 0.2, 0.4, 0.5, 1980, 'i1', 3, 1),
                                         (401, 2002, 2.0, 0.1, 0.7, -0.5, 0.5, 2002, 'i1', 3, 1);
                ANALYZE edges;
                """);
        }
    }

    private const string Collinear = "y ~ x1 + x2 + x3 + x4";

    [Theory]
    [InlineData(Collinear + " | id", "iid")]
    [InlineData(Collinear + " | id", "hc1")]
    [InlineData(Collinear + " | id", "cluster:grp")]
    [InlineData(Collinear + " | id + yr", "iid")]
    [InlineData(Collinear + " | id + yr", "cluster:id")]
    [InlineData(Collinear + " | id + yr", "cluster:grp")]
    [InlineData(Collinear + " | id + yr", "cluster:grp+yr")]
    [InlineData(Collinear + " | id", "cluster:id+ind")]
    [InlineData("y ~ x1 + x2 | id + ind", "hc1")]
    [InlineData("y ~ x1 + x3 + x2 | id + ind", "cluster:ind")]
    public void The_sample_and_its_notes_are_the_in_memory_fits(string formula, string vcov) => Compare(formula, vcov, null);

    /// <summary>Weights w (analytic, varying within units and years; NULL in a few rows, another missing-value drop).</summary>
    [Theory]
    [InlineData(Collinear + " | id", "iid")]
    [InlineData(Collinear + " | id", "hc1")]
    [InlineData(Collinear + " | id", "cluster:grp")]
    [InlineData(Collinear + " | id + yr", "iid")]
    [InlineData(Collinear + " | id + yr", "hc1")]
    [InlineData(Collinear + " | id + yr", "cluster:id")]
    [InlineData(Collinear + " | id + yr", "cluster:grp+yr")]
    [InlineData("y ~ x1 + x2 | id + ind", "cluster:ind")]
    public void Weighted_fits_are_the_in_memory_weighted_fits(string formula, string vcov) => Compare(formula, vcov, "w");

    private void Compare(string formula, string vcov, string? weights)
    {
        var spec = VcovSpec.Parse(vcov);
        var frame = DataReader.Read(_cluster.Url + "?table=edges");
        var memory = Regression.Fit(frame, formula, new FitOptions { Vcov = spec, Weights = weights })[0];
        var sharded = EnginePushdown.Fit(EngineSource.Parse(_cluster.Url + "?table=edges"), formula, spec, weights: weights);
        var coordinator = EnginePushdown.Fit(EngineSource.Parse(_cluster.Url + "?query=" + Uri.EscapeDataString("SELECT * FROM edges")), formula, spec,
            weights: weights);
        if (weights is not null) Assert.Contains($"{weights} (", memory.Notes.Single(n => n.Code == "missing_values").Text);
        Assert.Equal(("per_shard", "coordinator"), (sharded.Engine!.Path, coordinator.Engine!.Path));
        // The edges are in the sample: missing values in several variables, singletons, a collinear regressor.
        Assert.Contains(memory.Notes, n => n.Code == "missing_values");
        Assert.Contains(memory.Notes, n => n.Code == "singletons");
        if (formula.Contains("x3")) Assert.Contains(memory.Notes, n => n.Code == "collinear");
        foreach (var pushed in new[] { sharded, coordinator }) SameFit.Equal(memory, pushed, 1e-8);
    }

    [Fact]
    public void A_weight_that_is_not_positive_is_a_user_error_as_in_memory()
    {
        using var connection = new NpgsqlConnection(EngineSource.Parse(_cluster.Url + "?table=panel").ConnectionString);
        connection.Open();
        ShardedTable.Execute(connection, "DROP TABLE IF EXISTS zeroweight; CREATE TABLE zeroweight AS SELECT *, 1.0 + x1 AS w FROM panel WHERE id <= 50; " +
                                         "UPDATE zeroweight SET w = 0 WHERE id = 9 AND year = 2004");
        var error = Assert.Throws<DataException>(() => EnginePushdown.Fit(EngineSource.Parse(_cluster.Url + "?table=zeroweight"),
            "y ~ x1 + x2 | id", VcovSpec.Iid, weights: "w"));
        Assert.Equal("w", error.Column);
        Assert.Contains("positive", error.Message);
        Assert.Throws<DataException>(() => Regression.Fit(DataReader.Read(_cluster.Url + "?table=zeroweight"), "y ~ x1 + x2 | id",
            new FitOptions { Weights = "w" }));
    }

    [Fact]
    public void The_edges_are_where_the_test_says()
    {
        var frame = DataReader.Read(_cluster.Url + "?table=edges");
        var memory = Regression.Fit(frame, Collinear + " | id + yr", new FitOptions())[0];
        string missing = memory.Notes.Single(n => n.Code == "missing_values").Text;
        foreach (string v in (string[])["y (", "x1 (", "x2 (", "yr ("]) Assert.Contains(v, missing);
        Assert.Equal(["x3", "x4"], memory.Fit.DroppedTerms);
        Assert.Contains(memory.Notes, n => n.Code == "collinear_with_fixed_effects");
        // Units 97, 194, 291 and 388 keep one row. 401's first row is alone in yr = 1980; without it 401 is a
        // singleton: both go, with unit 5's row alone in yr = 1990.
        var oneWay = Regression.Fit(frame, Collinear + " | id", new FitOptions())[0];
        Assert.StartsWith("4 singleton", oneWay.Notes.Single(n => n.Code == "singletons").Text);
        Assert.StartsWith("7 singleton", memory.Notes.Single(n => n.Code == "singletons").Text);
    }

    [Fact]
    public void An_infinite_value_is_a_user_error_naming_the_column()
    {
        using var connection = new NpgsqlConnection(EngineSource.Parse(_cluster.Url + "?table=panel").ConnectionString);
        connection.Open();
        ShardedTable.Execute(connection, "DROP TABLE IF EXISTS infinite; CREATE TABLE infinite AS SELECT * FROM panel WHERE id <= 50; " +
                                         "UPDATE infinite SET x2 = '-Infinity' WHERE id = 7 AND year = 2003");
        var error = Assert.Throws<DataException>(() =>
            EnginePushdown.Fit(EngineSource.Parse(_cluster.Url + "?table=infinite"), "y ~ x1 + x2 | id", VcovSpec.Iid));
        Assert.Equal("x2", error.Column);
        Assert.Contains("infinite", error.Message);
        Assert.Contains("?table=infinite", error.Message);
    }

    [Fact]
    public void A_text_or_boolean_regressor_leaves_the_fit_to_the_pulled_rows()
    {
        using var connection = new NpgsqlConnection(EngineSource.Parse(_cluster.Url + "?table=panel").ConnectionString);
        connection.Open();
        ShardedTable.Execute(connection, "DROP TABLE IF EXISTS typed; CREATE TABLE typed AS SELECT *, x1 > 1 AS flag, grp::text AS label FROM panel WHERE id <= 60");
        string url = _cluster.Url + "?table=typed";
        foreach (string formula in (string[])["y ~ x1 + flag | id", "y ~ x1 + label | id"])
        {
            Assert.Throws<Panelwise.Estimation.EstimationException>(() => EnginePushdown.Fit(EngineSource.Parse(url), formula, VcovSpec.Iid));
            Assert.Null(EngineFit.TryPushdown(url, formula, new FitOptions()));
        }
    }
}
