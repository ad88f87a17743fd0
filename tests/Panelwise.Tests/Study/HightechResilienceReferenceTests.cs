using System.Globalization;
using System.Text.Json;
using Panelwise.IO;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>Issue 9's checks of the real-data study: the entropy weights (both levels) and scores of the real
/// resilience index equal an independent base-R computation on the same rows
/// (tests/reference/indices/hightech_resilience.R), the descriptive table of the real indicators equals statistics
/// computed here directly from the CSV, and checks.md reports the data handling with its counts.</summary>
public class HightechResilienceReferenceTests(HightechResilienceRun run) : IClassFixture<HightechResilienceRun>
{
    private static readonly JsonElement Fixture =
        JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("indices", "hightech_resilience.json"))).RootElement;

    private JsonElement Results => JsonDocument.Parse(run.Read("results.json")).RootElement;

    [Fact]
    public void Entropy_weights_of_both_levels_equal_the_R_reference()
    {
        Assert.True(run.Exit == 0, run.Stderr);
        double tolerance = Fixture.GetProperty("tolerance").GetDouble();
        var index = Results.GetProperty("data_handling").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "index" && s.GetProperty("index").GetString() == "resilience");
        Assert.Equal(Fixture.GetProperty("rows").GetInt32(), index.GetProperty("rows").GetInt32());
        var ours = index.GetProperty("weights").EnumerateArray()
            .ToDictionary(w => (w.GetProperty("node").GetString(), w.GetProperty("indicator").GetString()));
        var expected = Fixture.GetProperty("weights").EnumerateArray().ToList();
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected.Count, ours.Count);
        foreach (var r in expected)
        {
            var w = ours[(r.GetProperty("node").GetString(), r.GetProperty("child").GetString())];
            // results.json keys (the index --json contract) next to the fixture's: weight, e = entropy, d = divergence.
            foreach (var (key, field) in new[] { ("weight", "weight"), ("e", "entropy"), ("d", "divergence") })
                Assert.True(Math.Abs(w.GetProperty(key).GetDouble() - r.GetProperty(field).GetDouble()) <= tolerance,
                    $"{r.GetProperty("node")}/{r.GetProperty("child")} {field}: {w.GetProperty(key)} vs R {r.GetProperty(field)}");
        }
    }

    [Fact]
    public void Index_scores_of_every_row_equal_the_R_reference()
    {
        double tolerance = Fixture.GetProperty("tolerance").GetDouble();
        var data = DataReader.Read(Path.Combine(run.Output, "data.csv"));
        var rowOf = new Dictionary<(string, double), int>();
        var province = (Panelwise.Data.CategoricalColumn)data["province"];
        for (int i = 0; i < data.RowCount; i++) rowOf[(province.ValueAt(i)!, data.Numeric("year").Values[i])] = i;
        var scores = Fixture.GetProperty("scores");
        var provinces = scores.GetProperty("province").EnumerateArray().Select(p => p.GetString()!).ToArray();
        var years = scores.GetProperty("year").EnumerateArray().Select(y => y.GetDouble()).ToArray();
        Assert.Equal(210, provinces.Length);
        foreach (var name in new[] { "resilience", "fracture", "shock" })
        {
            var expected = scores.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var ours = data.Numeric(name).Values;
            for (int k = 0; k < expected.Length; k++)
                Assert.True(Math.Abs(ours[rowOf[(provinces[k], years[k])]] - expected[k]) <= tolerance, $"{name} {provinces[k]} {years[k]}");
            // Outside the 210 rows the index is missing.
            Assert.Equal(data.RowCount - 210, ours.Count(double.IsNaN));
        }
    }

    /// <summary>The real indicators on the 30 provinces x 2016-2022, computed from the CSV cells: 2017 of an
    /// interpolated series is the mean of 2016 and 2018 (linear in the year), 万元 columns divided by 10000.</summary>
    private static Dictionary<string, List<double>> IndicatorsFromCsv()
    {
        var rows = HightechResilienceRun.CsvRows();
        double Cell(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);
        var byKey = rows.ToDictionary(r => (r["province"], int.Parse(r["year"], CultureInfo.InvariantCulture)));
        double Filled(Dictionary<string, string> row, string column)
        {
            if (row[column].Length > 0) return Cell(row, column);
            Assert.Equal("2017", row["year"]);
            return (Cell(byKey[(row["province"], 2016)], column) + Cell(byKey[(row["province"], 2018)], column)) / 2;
        }
        var result = new Dictionary<string, List<double>>();
        void Add(string name, double value) { if (!result.TryGetValue(name, out var list)) result[name] = list = []; list.Add(value); }
        foreach (var row in rows.Where(r => r["study_sample"] == "1" && int.Parse(r["year"], CultureInfo.InvariantCulture) is >= 2016 and <= 2022))
        {
            Add("hr_profit", Filled(row, "hitech_profit"));
            Add("hr_rd_exp", Cell(row, "hitech_rd_exp") / 10000);
            Add("hitech_rd_fte", Cell(row, "hitech_rd_fte"));
            Add("hitech_rd_institutions", Cell(row, "hitech_rd_institutions"));
            Add("rd_intensity_pct", Cell(row, "rd_intensity_pct"));
            Add("hr_newprod_ratio", Cell(row, "hitech_newprod_sales") / 10000 / Filled(row, "hitech_revenue"));
            Add("valid_invention_patents", Cell(row, "valid_invention_patents"));
            Add("hr_revenue_share", Filled(row, "hitech_revenue_share_pct"));
            Add("hr_gov_funds", Cell(row, "rd_exp_gov_funds") / 10000);
            Add("urbanisation_rate_pct", Cell(row, "urbanisation_rate_pct"));
        }
        return result;
    }

    [Fact]
    public void Descriptive_table_of_the_real_indicators_equals_statistics_computed_from_the_csv()
    {
        var table = Results.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "indicators");
        var summaries = table.GetProperty("variables").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        string markdown = run.Read("indicators.md");
        foreach (var (name, values) in IndicatorsFromCsv())
        {
            Assert.Equal(210, values.Count);
            var sorted = values.Order().ToArray();
            double mean = values.Sum() / values.Count;
            double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            double median = (sorted[104] + sorted[105]) / 2;
            var s = summaries[name];
            Assert.Equal(210, s.GetProperty("n").GetInt32());
            foreach (var (field, expected) in new[] { ("mean", mean), ("sd", sd), ("min", sorted[0]), ("median", median), ("max", sorted[^1]) })
            {
                double ours = s.GetProperty(field).GetDouble();
                Assert.True(Math.Abs(ours - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{name} {field}: {ours} vs {expected}");
            }
            // The printed row shows the same numbers at 3 decimals.
            string cells = string.Join(" | ", new[] { mean, sd, sorted[0], median, sorted[^1] }.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)));
            Assert.Contains($" | 210 | {cells} |", markdown);
        }
    }

    [Fact]
    public void Checks_report_the_data_handling_with_counts()
    {
        string checks = run.Read("checks.md");
        foreach (var (variable, source) in new[] { ("hr_profit", "hitech_profit"), ("hr_revenue", "hitech_revenue"), ("hr_revenue_share", "hitech_revenue_share_pct") })
            Assert.Contains($"- {variable} = interpolate({source}): 31 missing values filled linearly in year within province; left missing, not extrapolated: 0 before a unit's first and 0 after its last present value.", checks);
        Assert.Contains("- hr_rd_exp = convert(hitech_rd_exp, 万元 -> 亿元): 248 values divided by 10000 (186 missing stay missing).", checks);
        Assert.Contains("- hr_gov_funds = convert(rd_exp_gov_funds, 万元 -> 亿元): 434 values divided by 10000 (0 missing stay missing).", checks);
        Assert.Contains("- hr_newprod_sales = convert(hitech_newprod_sales, 万元 -> 亿元): 242 values divided by 10000 (192 missing stay missing).", checks);
        // Series that start in 2016 (high-tech R&D) and end in 2022 (NBS urbanisation) fix the index's years.
        Assert.Contains("- index resilience: computed on 210 rows (if \"study_sample == 1 & year >= 2016 & year <= 2022\" excludes 224); its 10 indicators all have data in 2016-2022; "
            + "first-last year with data: hr_profit 2010-2023, hr_rd_exp 2016-2023, hitech_rd_fte 2016-2023, hitech_rd_institutions 2016-2023, rd_intensity_pct 2011-2023, "
            + "hr_newprod_ratio 2016-2023, valid_invention_patents 2010-2023, hr_revenue_share 2010-2023, hr_gov_funds 2010-2023, urbanisation_rate_pct 2011-2022.", checks);
        // The 30-province sample flag: Tibet's 14 rows and the years outside 2016-2022.
        Assert.Contains("keeps 210 of 434 rows (224 excluded), 30 units, years 2016-2022; units excluded entirely: 西藏.", checks);

        // The same counts in results.json.
        var steps = Results.GetProperty("data_handling").EnumerateArray().ToList();
        var interpolations = steps.Where(s => s.GetProperty("kind").GetString() == "interpolate").ToList();
        Assert.Equal(3, interpolations.Count);
        Assert.All(interpolations, s => Assert.Equal((31, 0, 0), (s.GetProperty("filled").GetInt32(),
            s.GetProperty("missing_before_first").GetInt32(), s.GetProperty("missing_after_last").GetInt32())));
        Assert.Equal([248, 434, 242], steps.Where(s => s.GetProperty("kind").GetString() == "convert").Select(s => s.GetProperty("converted").GetInt32()));
        var sample = steps.Single(s => s.GetProperty("kind").GetString() == "sample");
        Assert.Equal((434, 210, 224), (sample.GetProperty("rows").GetInt32(), sample.GetProperty("kept").GetInt32(), sample.GetProperty("excluded").GetInt32()));
        Assert.Equal(["西藏"], sample.GetProperty("units_excluded").EnumerateArray().Select(u => u.GetString()));
    }
}
