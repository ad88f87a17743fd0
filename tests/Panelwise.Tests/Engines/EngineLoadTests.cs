using System.Text.Json;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Engines;

/// <summary><c>panelwise load</c> shards a file over the cluster's workers, and the push-down fit of the loaded table
/// equals the in-memory fit of the file (Grunfeld, firm + year, clustered by firm) to 1e-8 relative.</summary>
[Collection("postgres")]
public class EngineLoadTests(PostgresCluster cluster)
{
    [Fact]
    public void A_loaded_file_fits_on_the_engine_as_in_memory()
    {
        string csv = RepositoryPath.Of("examples", "grunfeld", "grunfeld.csv");
        string table = cluster.Url + "?table=grunfeld";
        var (exit, output, error) = CliRunner.Run("load", csv, "--into", table, "--shard-by", "firm");
        Assert.True(exit == 0, error);
        Assert.Contains("Loaded 200 rows", output);
        Assert.Contains("2 shards by firm", output);
        string[] fit = ["inv ~ value + capital | firm + year", "--vcov", "cluster:firm", "--json"];
        var engine = Json(CliRunner.Run(["fit", table, .. fit]));
        var memory = Json(CliRunner.Run(["fit", csv, .. fit]));
        Assert.Equal(4, engine.GetProperty("engine").GetProperty("passes").GetInt32());
        var a = engine.GetProperty("coefficients").EnumerateArray().ToList();
        var b = memory.GetProperty("coefficients").EnumerateArray().ToList();
        Assert.Equal(b.Count, a.Count);
        for (int i = 0; i < a.Count; i++)
            foreach (string key in (string[])["estimate", "std_error"])
            {
                double x = a[i].GetProperty(key).GetDouble(), y = b[i].GetProperty(key).GetDouble();
                Assert.True(Math.Abs(x - y) <= 1e-8 * Math.Abs(y), $"{key} {x:R} vs {y:R}");
            }
    }

    private static JsonElement Json((int Exit, string Out, string Err) run)
    {
        Assert.True(run.Exit == 0, run.Err);
        return JsonDocument.Parse(run.Out).RootElement;
    }
}
