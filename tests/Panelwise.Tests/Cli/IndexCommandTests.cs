using System.Text.Json;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>The index command: JSON contract, --out, --if, spec files, and bad input (exit 2, nothing written).</summary>
public class IndexCommandTests
{
    private static readonly string Produc = ReferencePath.Of("indices", "produc.csv");

    [Fact]
    public void Json_has_the_documented_shape_and_the_oracle_weights()
    {
        var (exit, stdout, stderr) = CliRunner.Run("index", Produc, "--indicators", "pcap:+, hwy:+, water:+, util:+, emp:+, unemp:-",
            "--method", "entropy", "--name", "idx", "--if", "year == 1986", "--json");
        Assert.True(exit == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(["weights", "columns", "notes"], root.EnumerateObject().Select(p => p.Name));
        var first = root.GetProperty("weights")[0];
        Assert.Equal(["node", "indicator", "direction", "method", "e", "d", "weight", "global_weight"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.187586081812194, first.GetProperty("weight").GetDouble(), 1e-9);
        Assert.Equal(0.865942381527572, first.GetProperty("e").GetDouble(), 1e-9);
        Assert.Equal("idx", root.GetProperty("columns")[0].GetString());
    }

    [Fact]
    public void Spec_file_run_writes_one_column_per_node()
    {
        string spec = CliRunner.TempCsv("spec.yaml", """
            name: infra
            label: 基础设施
            method: critic
            dimensions:
              - name: capital
                label: 公共资本
                method: entropy
                indicators:
                  - { column: hwy, direction: "+", label: 公路 }
                  - { column: water, direction: "+", label: 供水 }
              - name: labour
                method: equal
                indicators:
                  - { column: emp, direction: "+" }
                  - { column: unemp, direction: "-", label: 失业率 }
            """);
        string output = Path.Combine(Path.GetDirectoryName(spec)!, "out.csv");
        var (exit, stdout, stderr) = CliRunner.Run("index", Produc, "--spec", spec, "--out", output);
        Assert.True(exit == 0, stderr);
        Assert.Contains("公路 (hwy)", stdout);
        Assert.Contains("Columns added: infra, capital, labour", stdout);
        Assert.EndsWith(",infra,capital,labour", File.ReadLines(output).First());
    }

    [Fact]
    public void Missing_column_exits_2_and_writes_nothing()
    {
        string output = Path.Combine(Path.GetTempPath(), $"pw-{Guid.NewGuid():N}.csv");
        var (exit, stdout, stderr) = CliRunner.Run("index", Produc, "--indicators", "pcap:+, hwy2:+", "--out", output);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("panelwise: Indicator column 'hwy2' (--indicators) is not in ", stderr);
        Assert.Contains("Did you mean 'hwy'?", stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Bad_direction_and_missing_values_are_input_errors()
    {
        var bad = CliRunner.Run("index", Produc, "--indicators", "pcap:up");
        Assert.Equal(2, bad.Exit);
        Assert.Equal("panelwise: direction of pcap in --indicators: \"up\" is not one of +, positive, -, negative.\n", bad.Err.Replace("\r", ""));

        string csv = CliRunner.TempCsv("gap.csv", "id,year,x,y\na,1,1,2\na,2,,3\na,3,3,1\nb,1,2,2\nb,2,4,5\nb,3,5,4\n");
        var gap = CliRunner.Run("index", csv, "--indicators", "x:+, y:+");
        Assert.Equal(2, gap.Exit);
        Assert.Contains("Indicator 'x' is missing in 1 row (data row 2)", gap.Err);
        var filled = CliRunner.Run("index", csv, "--indicators", "x:+, y:+", "--missing", "interpolate", "--id", "id", "--time", "year");
        Assert.True(filled.Exit == 0, filled.Err);
        Assert.Contains("'x': 1 missing value filled by linear interpolation within unit.", filled.Out);
    }
}
