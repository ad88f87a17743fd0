using System.Text.Json;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>The group command on Produc (48 states, 1970-1986): JSON contract, seeded reproducibility, a numbering that
/// does not depend on row order, --out and --if, and the bad-input messages verbatim (exit 2, nothing written).</summary>
public class GroupCommandTests
{
    private static readonly string Produc = ReferencePath.Of("oracle", "data", "produc.csv");
    private const string Indicators = "pcap, hwy, water, util, emp, unemp";

    private static JsonElement Json(params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["group", Produc, "--indicators", Indicators, "--id", "state", .. args, "--json"]);
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Json_with_pca_has_the_documented_shape()
    {
        var root = Json("--pca", "auto", "--labels", "low,middle,high");
        Assert.Equal(["pca", "groups", "column", "notes"], root.EnumerateObject().Select(p => p.Name));
        var pca = root.GetProperty("pca");
        Assert.Equal(["components", "eigenvalues", "explained", "cumulative", "loadings", "kmo", "bartlett"], pca.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, pca.GetProperty("components").GetInt32()); // one eigenvalue > 1 among the state means
        Assert.Equal(6, pca.GetProperty("eigenvalues").GetArrayLength());
        Assert.Equal(1.0, pca.GetProperty("cumulative")[5].GetDouble(), 1e-12);
        Assert.Equal(["indicator", "loadings", "msa"], pca.GetProperty("loadings")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("pcap", pca.GetProperty("loadings")[0].GetProperty("indicator").GetString());
        Assert.Equal(["chi2", "df", "p_value"], pca.GetProperty("bartlett").EnumerateObject().Select(p => p.Name));
        Assert.Equal(15, pca.GetProperty("bartlett").GetProperty("df").GetInt32());
        // pcap = hwy + water + util in Produc, so the state means are perfectly collinear: KMO (R^-1) and Bartlett (ln|R|)
        // are not defined and are null with a note naming the indicators; without pcap they are finite.
        Assert.Equal(JsonValueKind.Null, pca.GetProperty("kmo").ValueKind);
        Assert.Equal(JsonValueKind.Null, pca.GetProperty("bartlett").GetProperty("chi2").ValueKind);
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("The indicators pcap, hwy, water, util are perfectly collinear", StringComparison.Ordinal));
        var (exit, stdout, stderr) = CliRunner.Run(["group", Produc, "--indicators", "hwy, water, util, emp, unemp", "--id", "state", "--pca", "auto", "--json"]);
        Assert.True(exit == 0, stderr);
        Assert.InRange(JsonDocument.Parse(stdout).RootElement.GetProperty("pca").GetProperty("kmo").GetDouble(), 0, 1);

        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["group", "label", "units", "size"], groups[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([1, 2, 3], groups.Select(g => g.GetProperty("group").GetInt32()));
        Assert.Equal(["low", "middle", "high"], groups.Select(g => g.GetProperty("label").GetString()));
        Assert.All(groups, g => Assert.Equal(g.GetProperty("size").GetInt32(), g.GetProperty("units").GetArrayLength()));
        Assert.Equal(48, groups.Sum(g => g.GetProperty("size").GetInt32()));
        Assert.Equal("group", root.GetProperty("column").GetString());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("Groups are numbered by the ascending average z-score", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_without_pca_has_no_pca_key_and_the_largest_states_on_top()
    {
        var root = Json("--k", "3");
        Assert.Equal(["groups", "column", "notes"], root.EnumerateObject().Select(p => p.Name));
        var top = root.GetProperty("groups")[2];
        Assert.Equal("3", top.GetProperty("label").GetString());
        Assert.Equal(["CALIFORNIA", "NEW_YORK"], top.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public void Same_seed_gives_the_same_output()
    {
        string[] args = ["group", Produc, "--indicators", Indicators, "--id", "state", "--k", "4", "--pca", "2", "--seed", "2024"];
        var first = CliRunner.Run(args);
        var second = CliRunner.Run(args);
        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal(first.Out, second.Out);
        Assert.Contains("seed 2024", first.Out);
    }

    [Theory]
    [InlineData("ward")]
    [InlineData("kmeans")]
    public void Numbering_does_not_depend_on_row_order(string method)
    {
        var lines = File.ReadAllLines(Produc);
        string reversed = CliRunner.TempCsv("reversed.csv", string.Join("\n", lines.Take(1).Concat(lines.Skip(1).Reverse())) + "\n");
        JsonElement Run(string data)
        {
            var (exit, stdout, stderr) = CliRunner.Run("group", data, "--indicators", Indicators, "--id", "state", "--method", method, "--k", "4", "--json");
            Assert.True(exit == 0, stderr);
            return JsonDocument.Parse(stdout).RootElement;
        }
        static List<string[]> Groups(JsonElement root) => root.GetProperty("groups").EnumerateArray()
            .Select(g => g.GetProperty("units").EnumerateArray().Select(u => u.GetString()!).Order(StringComparer.Ordinal).ToArray()).ToList();
        Assert.Equal(Groups(Run(Produc)), Groups(Run(reversed)));
    }

    [Fact]
    public void Out_writes_the_labelled_column_and_if_leaves_other_rows_empty()
    {
        string output = Path.Combine(Path.GetTempPath(), $"pw-{Guid.NewGuid():N}.csv");
        var (exit, stdout, stderr) = CliRunner.Run("group", Produc, "--indicators", Indicators, "--id", "state", "--method", "ward",
            "--labels", "劳动密集型, 资本密集型, 技术密集型", "--name", "类型", "--if", "year >= 1980", "--out", output);
        Assert.True(exit == 0, stderr);
        Assert.Contains("Groups (Ward (ward.D2); 48 units, k = 3)", stdout);
        Assert.Contains("Column added: 类型", stdout);
        var rows = File.ReadAllLines(output);
        Assert.EndsWith(",类型", rows[0]);
        var california = rows.Where(r => r.StartsWith("CALIFORNIA,", StringComparison.Ordinal)).ToList();
        Assert.EndsWith(",", california.First(r => r.StartsWith("CALIFORNIA,1970,", StringComparison.Ordinal)));
        Assert.EndsWith(",技术密集型", california.First(r => r.StartsWith("CALIFORNIA,1986,", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("panelwise: Indicator column 'hwy2' is not in {data}. Did you mean 'hwy'?", "--indicators", "pcap, hwy2")]
    [InlineData("panelwise: Cannot form 49 groups from 48 units: k (--k, or k in a study) must be between 1 and 48.", "--k", "49")]
    [InlineData("panelwise: Give 3 group labels, one per group; got 2: labour, capital.", "--labels", "labour, capital")]
    [InlineData("panelwise: Indicator column 'region' holds text, not numbers: an indicator must be numeric; clean or recode it.", "--indicators", "pcap, region")]
    [InlineData("panelwise: --pca: \"some\" is neither a number of components (1, 2, ...) nor auto.", "--pca", "some")]
    [InlineData("panelwise: pca: choose between 1 and 6 principal components (one per indicator); got 7.", "--pca", "7")]
    [InlineData("panelwise: --method: \"hclust\" is not one of kmeans, ward.", "--method", "hclust")]
    [InlineData("panelwise: The group column 'hwy' already exists in {data}: choose another name.", "--name", "hwy")]
    public void Bad_input_exits_2_with_a_clear_message_and_writes_nothing(string message, string option, string value)
    {
        // 'region' is read as text here: a copy of Produc with the region codes spelled out.
        var lines = File.ReadAllLines(Produc);
        string data = CliRunner.TempCsv("produc.csv", string.Join("\n", lines.Select((l, i) => i == 0 ? l : Respell(l))) + "\n");
        string output = Path.Combine(Path.GetDirectoryName(data)!, "out.csv");
        string[] args = ["group", data, "--id", "state", "--out", output];
        if (option != "--indicators") args = [.. args, "--indicators", Indicators];
        var (exit, stdout, stderr) = CliRunner.Run([.. args, option, value]);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(message.Replace("{data}", data) + "\n", stderr.Replace("\r", ""));
        Assert.False(File.Exists(output));
    }

    /// <summary>Third field (region code) prefixed with "r", so the column is text.</summary>
    private static string Respell(string line)
    {
        var fields = line.Split(',');
        fields[2] = "r" + fields[2];
        return string.Join(",", fields);
    }
}
