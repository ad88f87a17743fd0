using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Estimation;

/// <summary><see cref="FitOptions.OverwriteData"/> gives the same estimates as a fit on copies, overwrites only the
/// model's own columns, and leaves the frame alone when it would be read again.</summary>
public class OverwriteDataTests
{
    private static Frame Panel(int units = 40, int periods = 6)
    {
        var random = new Random(11);
        int n = units * periods;
        double[] id = new double[n], year = new double[n], x1 = new double[n], x2 = new double[n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            id[i] = i / periods;
            year[i] = 2000 + i % periods;
            x1[i] = random.NextDouble();
            x2[i] = random.NextDouble() + 0.1 * id[i];
            y[i] = x1[i] + 0.5 * x2[i] + 0.05 * id[i] + 0.1 * (year[i] - 2000) + random.NextDouble();
        }
        return new Frame([new NumericColumn("id", id), new NumericColumn("year", year), new NumericColumn("x1", x1),
            new NumericColumn("x2", x2), new NumericColumn("y", y)], "panel.csv");
    }

    private static double[] Copy(Frame frame, string name) => (double[])frame.Numeric(name).Values.Clone();

    [Fact]
    public void SameEstimatesAndOnlyTheModelColumnsChange()
    {
        const string formula = "y ~ x1 + x2 | id + year";
        var options = new FitOptions { Vcov = VcovSpec.Cluster("id") };
        var copied = Regression.Fit(Panel(), formula, options)[0];
        var frame = Panel();
        var (id, year, x1) = (Copy(frame, "id"), Copy(frame, "year"), Copy(frame, "x1"));
        var overwritten = Regression.Fit(frame, formula, options with { OverwriteData = true })[0];

        foreach (var term in new[] { "x1", "x2" })
        {
            Assert.Equal(copied[term]!.Estimate, overwritten[term]!.Estimate, 12);
            Assert.Equal(copied[term]!.StdError, overwritten[term]!.StdError, 12);
        }
        Assert.Equal(id, frame.Numeric("id").Values);
        Assert.Equal(year, frame.Numeric("year").Values);
        Assert.NotEqual(x1, frame.Numeric("x1").Values); // demeaned in place: the point of the option
    }

    [Fact]
    public void ColumnsReadAgainAreCopied()
    {
        var frame = Panel();
        var before = frame.Columns.ToDictionary(c => c.Name, c => Copy(frame, c.Name));
        // Two models from one formula: the second must see the original data.
        var twoModels = Regression.Fit(frame, "y ~ x1 + csw0(x2) | id", new FitOptions { OverwriteData = true });
        foreach (var (name, values) in before) Assert.Equal(values, frame.Numeric(name).Values);
        var fresh = Regression.Fit(Panel(), "y ~ x1 + x2 | id")[0];
        Assert.Equal(fresh["x1"]!.Estimate, twoModels[1]["x1"]!.Estimate, 12);

        // x2 is a regressor and the weight; x1 is the filter's column: both stay as they were.
        var weighted = Panel();
        var (x1, x2) = (Copy(weighted, "x1"), Copy(weighted, "x2"));
        Regression.Fit(weighted, "y ~ x1 + x2 | id", new FitOptions { OverwriteData = true, Weights = "x2", If = "x1 > -1" });
        Assert.Equal(x1, weighted.Numeric("x1").Values);
        Assert.Equal(x2, weighted.Numeric("x2").Values);
    }
}
