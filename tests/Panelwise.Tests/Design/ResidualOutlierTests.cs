using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.IO;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Design;

/// <summary>--drop-outliers k: refit without observations whose |e_i|/s exceeds k.</summary>
public class ResidualOutlierTests
{
    private static readonly Frame Produc = DataReader.Read(ReferencePath.Of("oracle", "data", "produc.csv"));
    private const string Formula = "log_gsp ~ log_pcap + log_pc + log_emp + unemp";

    [Fact]
    public void DroppingFlaggedRowsEqualsFilteringThemOut()
    {
        var first = Assert.Single(Regression.Fit(Produc, Formula));
        double s = first.Rmse;
        var flagged = first.Fit.Residuals.Select(e => Math.Abs(e) / s > 2.5).ToArray();
        int count = flagged.Count(f => f);
        Assert.InRange(count, 1, 100);
        var refit = Assert.Single(Regression.Fit(Produc, Formula, new FitOptions { DropOutliers = 2.5 }));
        var manual = Assert.Single(Regression.Fit(Produc.Filter(flagged.Select(f => !f).ToArray()), Formula));
        Assert.Equal(816 - count, refit.Nobs);
        for (int j = 0; j < manual.Fit.K; j++) Assert.Equal(manual.Fit.Coefficients[j], refit.Fit.Coefficients[j], 12);
        Assert.Contains(refit.Notes, n => n.Text.StartsWith($"{count} observations excluded: |standardised residual|", StringComparison.Ordinal));
    }

    [Fact]
    public void WorksWithFixedEffectsModelsAndMapsRowsThroughTheSample()
    {
        var options = new FitOptions { Model = PanelModel.FixedEffects, Panel = ("state", "year"), If = "year >= 1975", DropOutliers = 3 };
        var first = Assert.Single(Regression.Fit(Produc, Formula, options with { DropOutliers = null }));
        int count = first.Fit.Residuals.Count(e => Math.Abs(e) / first.Rmse > 3);
        var refit = Assert.Single(Regression.Fit(Produc, Formula, options));
        Assert.Equal(first.Nobs - count, refit.Nobs);
        Assert.Equal("fe", refit.Model);
    }

    [Fact]
    public void ModelsWithoutOneResidualPerRowAreRefused()
    {
        var ex = Assert.Throws<UserInputException>(() => Regression.Fit(Produc, Formula,
            new FitOptions { Model = PanelModel.Between, Panel = ("state", "year"), DropOutliers = 3 }));
        Assert.Contains("one residual per observation", ex.Message, StringComparison.Ordinal);
    }
}
