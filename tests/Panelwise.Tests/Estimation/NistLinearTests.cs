using System.Globalization;
using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Panelwise.Tests.Estimation;

/// <summary>NIST StRD linear regression suite (tests/reference/nist-strd-linear, certified values as published).
/// Requirement: log relative error (LRE) of every estimate and standard error >= 9, and >= 7 on Filip.
/// Standard errors are NIST's: iid, s² = SSR/(N-K). R² is centred, uncentred for the no-intercept models.</summary>
public class NistLinearTests(ITestOutputHelper output)
{
    public static TheoryData<string> Datasets() =>
        new(["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley", "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]);

    [Theory]
    [MemberData(nameof(Datasets))]
    public void EstimatesAndStandardErrorsMeetRequiredDigits(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("nist-strd-linear", "certified.json")));
        var ds = doc.RootElement.GetProperty("datasets").GetProperty(name);
        var data = SimpleCsv.ReadNumeric(ReferencePath.Of("nist-strd-linear", ds.GetProperty("data_file").GetString()!));
        var terms = ds.GetProperty("model").GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).ToList();
        bool intercept = ds.GetProperty("model").GetProperty("intercept").GetBoolean();
        var slopes = terms.Where(t => t != "1").ToList();
        var problem = new LinearProblem
        {
            ResponseName = "y",
            Response = (double[])data["y"].Clone(),
            RegressorNames = slopes,
            Regressors = slopes.Select(t => Term(data, t)).ToList(),
            Intercept = intercept,
        };
        var result = RegressionResult.Create(LinearEstimator.Fit(problem), VcovSpec.Iid);
        Assert.Empty(result.Fit.DroppedTerms);
        double required = name == "Filip" ? 7 : 9;
        var cert = ds.GetProperty("certified");
        foreach (var p in cert.GetProperty("parameters").EnumerateArray())
        {
            string term = p.GetProperty("term").GetString()!;
            var row = result[term == "1" ? "_cons" : term]!;
            double estLre = Lre(row.Estimate, Parse(p, "estimate"));
            double seLre = Lre(row.StdError, Parse(p, "std_dev"));
            output.WriteLine($"{name} {term}: LRE estimate {estLre:F1}, se {seLre:F1}");
            Assert.True(estLre >= required, $"{name} {term}: estimate LRE {estLre:F2} < {required}");
            Assert.True(seLre >= required, $"{name} {term}: std error LRE {seLre:F2} < {required}");
        }
        Assert.True(Lre(result.Rmse, Parse(cert, "residual_standard_deviation")) >= required - 1);
        Assert.True(Lre(result.R2, Parse(cert, "r_squared")) >= required - 1);
    }

    private static double[] Term(Dictionary<string, double[]> data, string term)
    {
        if (!term.StartsWith("x^", StringComparison.Ordinal)) return (double[])data[term].Clone();
        int power = int.Parse(term[2..], CultureInfo.InvariantCulture);
        return data["x"].Select(v => Math.Pow(v, power)).ToArray();
    }

    private static double Parse(JsonElement e, string key) =>
        double.Parse(e.GetProperty(key).GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>LRE = -log10(|x - c| / |c|), or -log10|x| when c = 0; 15 for an exact match.</summary>
    private static double Lre(double x, double certified)
    {
        double err = certified == 0 ? Math.Abs(x) : Math.Abs(x - certified) / Math.Abs(certified);
        return err == 0 ? 15 : Math.Min(15, -Math.Log10(err));
    }
}
