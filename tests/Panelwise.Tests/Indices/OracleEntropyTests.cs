using System.Text.Json;
using Panelwise.Data;
using Panelwise.Methods.Indices;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Indices;

/// <summary>The oracle case produc_entropy_1986 (tests/reference/indices, copied from shared/reference/oracle):
/// entropy weights of six Produc indicators over the 48 states in 1986, seed 003 eqs. 4-9, to 1e-9.</summary>
public sealed class OracleEntropyTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Entropy_weights_and_scores_match_the_oracle()
    {
        var caseJson = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("indices", "produc_entropy_1986.json"))).RootElement;
        var data = ProducFrame();
        var directions = caseJson.GetProperty("spec").GetProperty("direction");
        var indicators = caseJson.GetProperty("spec").GetProperty("indicators").EnumerateArray()
            .Select(e => e.GetString()!)
            .Select(c => new IndicatorSpec { Column = c, Direction = directions.GetProperty(c).GetInt32() > 0 ? Direction.Positive : Direction.Negative })
            .ToList();
        var spec = new IndexSpec { Root = new IndexNode { Name = "idx", Method = WeightingMethod.Entropy, Indicators = indicators } };
        var year = data.Numeric("year").Values;

        var result = IndexBuilder.Build(data, spec, year.Select(y => y == 1986).ToArray());

        foreach (var row in result.Weights)
        {
            Assert.Equal(caseJson.GetProperty("entropy").GetProperty(row.Child).GetDouble(), row.Entropy!.Value, Tolerance);
            Assert.Equal(caseJson.GetProperty("divergence").GetProperty(row.Child).GetDouble(), row.Divergence!.Value, Tolerance);
            Assert.Equal(caseJson.GetProperty("weights").GetProperty(row.Child).GetDouble(), row.Weight, Tolerance);
        }
        var expected = caseJson.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("score").GetDouble()).ToArray();
        var scores = result.Data.Numeric("idx").Values.Where((_, i) => year[i] == 1986).ToArray();
        Assert.Equal(caseJson.GetProperty("nobs").GetInt32(), scores.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], scores[i], Tolerance);
        Assert.All(result.Data.Numeric("idx").Values.Where((_, i) => year[i] != 1986), v => Assert.True(double.IsNaN(v)));
    }

    /// <summary>The numeric Produc columns, read without the library's CSV reader.</summary>
    internal static Frame ProducFrame()
    {
        var columns = SimpleCsv.ReadNumeric(ReferencePath.Of("indices", "produc.csv"));
        return new Frame(columns.Where(c => c.Key is not "state").Select(c => (Column)new NumericColumn(c.Key, c.Value)).ToList(), "produc.csv");
    }
}
