using System.Text.Json;
using Panelwise.Data;
using Panelwise.Methods.Grouping;
using Panelwise.Tests.Indices;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Grouping;

/// <summary>PCA, KMO, Bartlett, k-means and Ward against R (tests/reference/indices/grouping.R -> grouping.json):
/// Produc 1986, 48 states, six indicators.</summary>
public sealed class GroupingReferenceTests
{
    private static readonly JsonElement Expected =
        JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("indices", "grouping.json"))).RootElement;

    private static readonly string[] Variables = Expected.GetProperty("variables").EnumerateArray().Select(v => v.GetString()!).ToArray();

    private static double[] Array(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static Frame Year1986()
    {
        var data = OracleEntropyTests.ProducFrame();
        return data.Filter(data.Numeric("year").Values.Select(y => y == 1986).ToArray());
    }

    private static double[][] Columns(Frame data) => Variables.Select(v => data.Numeric(v).Values).ToArray();

    [Fact]
    public void Principal_components_kmo_and_bartlett_match_r()
    {
        var result = PrincipalComponents.Fit(Columns(Year1986()), Variables, components: 2);
        var eigen = Array(Expected.GetProperty("eigenvalues"));
        for (int k = 0; k < eigen.Length; k++) Assert.Equal(eigen[k], result.Eigenvalues[k], 1e-9);
        var explained = Array(Expected.GetProperty("explained"));
        for (int k = 0; k < explained.Length; k++) Assert.Equal(explained[k], result.ExplainedVariance[k], 1e-9);
        for (int k = 0; k < 2; k++)
        {
            var loadings = Array(Expected.GetProperty("loadings")[k]);
            for (int j = 0; j < Variables.Length; j++) Assert.Equal(loadings[j], result.Loadings[j][k], 1e-8);
            var scores = Array(Expected.GetProperty("scores_first_two")[k]);
            for (int i = 0; i < scores.Length; i++) Assert.Equal(scores[i], result.Scores[k][i], 1e-8);
        }
        Assert.Equal(Expected.GetProperty("kmo").GetDouble(), result.Kmo, 1e-9);
        var perVariable = Array(Expected.GetProperty("kmo_by_variable"));
        for (int j = 0; j < perVariable.Length; j++) Assert.Equal(perVariable[j], result.KmoByVariable[j], 1e-9);
        var bartlett = Expected.GetProperty("bartlett");
        Assert.Equal(bartlett.GetProperty("chisq").GetDouble(), result.Bartlett.ChiSquare, 1e-7);
        Assert.Equal(bartlett.GetProperty("df").GetInt32(), result.Bartlett.DegreesOfFreedom);
        Assert.Equal(1, result.Bartlett.PValue / bartlett.GetProperty("p").GetDouble(), 1e-6);
    }

    [Fact]
    public void KMeans_finds_rs_optimum_and_partition()
    {
        var result = UnitGrouping.Group(OracleEntropyTests.ProducFrame().With(StateColumn()),
            "state_id", Variables, "group", 3, ClusteringMethod.KMeans, seed: 7,
            labels: ["low", "middle", "high"]);
        var (data, clusters) = (result.Data, result.Clusters);
        Assert.Equal(Expected.GetProperty("kmeans").GetProperty("tot_withinss").GetDouble(), clusters.TotalWithinSumOfSquares, 1e-9);
        AssertSamePartition(Expected.GetProperty("kmeans").GetProperty("cluster"), clusters.Assignments);
        Assert.Equal(["low", "middle", "high"], ((CategoricalColumn)data["group"]).Levels);
    }

    [Fact]
    public void Ward_matches_hclust_ward_d2_cut_at_three()
    {
        var rows = Enumerable.Range(0, 48).Select(i => Standardised(Columns(Year1986())).Select(c => c[i]).ToArray()).ToList();
        AssertSamePartition(Expected.GetProperty("ward").GetProperty("cluster"), WardClustering.Fit(rows, 3).Assignments);
    }

    [Fact]
    public void KMeans_is_reproducible_for_a_seed()
    {
        var rows = Enumerable.Range(0, 48).Select(i => Standardised(Columns(Year1986())).Select(c => c[i]).ToArray()).ToList();
        Assert.Equal(KMeans.Fit(rows, 4, seed: 99).Assignments, KMeans.Fit(rows, 4, seed: 99).Assignments);
    }

    /// <summary>Only the 1986 rows get a state id, so the unit means are the 1986 values, as in grouping.R.</summary>
    private static Column StateColumn()
    {
        var year = OracleEntropyTests.ProducFrame().Numeric("year").Values;
        return new NumericColumn("state_id", year.Select((y, i) => y == 1986 ? i / 17 : double.NaN).ToArray());
    }

    private static double[][] Standardised(double[][] columns) => columns.Select(x =>
    {
        double mean = x.Average(), sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        return x.Select(v => (v - mean) / sd).ToArray();
    }).ToArray();

    /// <summary>Same partition up to a renumbering: rows i and j share a group in R exactly when they do here.</summary>
    private static void AssertSamePartition(JsonElement expected, int[] actual)
    {
        var r = expected.EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.Equal(r.Length, actual.Length);
        for (int i = 0; i < r.Length; i++)
            for (int j = i + 1; j < r.Length; j++)
                Assert.True((r[i] == r[j]) == (actual[i] == actual[j]), $"rows {i + 1} and {j + 1} are grouped differently from R");
    }
}
