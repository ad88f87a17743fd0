using Panelwise.Absorb;
using Panelwise.Results;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;
using Panelwise.Inference;

namespace Panelwise.Models;

/// <summary>Stata <c>xtreg, be</c>: OLS of ȳ_i on x̄_i, one unweighted observation per unit, so inference has n - K
/// degrees of freedom. R² within/between/overall as <see cref="PanelStatistics.XtregR2"/> (between = the regression's R²).
/// A cluster variable must be constant within units (clustering by the id makes it HC1 on the n means).</summary>
internal static class BetweenModel
{
    public static RegressionResult Fit(PanelSample s, FitOptions options, IEnumerable<PhaseTime> earlier)
    {
        var problem = new LinearProblem
        {
            ResponseName = s.Data.ResponseName,
            Response = s.UnitMeans(s.Data.Response),
            RegressorNames = s.Data.RegressorNames,
            Regressors = s.Data.Regressors.Select(s.UnitMeans).ToList(),
            Intercept = s.Spec.Intercept,
            Clusters = s.Clusters.Select(c => PerUnit(s, c)).ToList(),
            Notes = [.. s.Data.Notes, new Note(NoteKind.Model, "between_means", $"Between regression on the means of {s.UnitCount} units ({s.Rows} observations).")],
            Formula = s.Spec.Text,
        };
        var fit = LinearEstimator.Fit(problem, options.Estimation);
        var r2 = PanelStatistics.XtregR2(s, fit);
        var (within, between, overall) = r2;
        var result = RegressionResult.Create(PanelStatistics.WithR2Note(fit, r2), options.Vcov, earlier);
        return result.AsModel("be", new ModelComponents { R2Within = within, R2Between = between, R2Overall = overall },
            new Dictionary<string, TestStatistic>());
    }

    private static FixedEffect PerUnit(PanelSample s, FixedEffect cluster)
    {
        var codes = new int[s.UnitCount];
        Array.Fill(codes, -1);
        for (int i = 0; i < s.Rows; i++)
        {
            int u = s.Unit[i];
            if (codes[u] < 0) codes[u] = cluster.Codes[i];
            else if (codes[u] != cluster.Codes[i])
                throw new EstimationException($"{{Model}} be clusters the unit means, so the cluster variable '{cluster.Name}' must be constant within each {s.UnitName}; it is not. Cluster by {s.UnitName} or a coarser group.");
        }
        return Recode(cluster.Name, codes);
    }

    /// <summary>Renumbers codes densely in order of first appearance, so that every level occurs.</summary>
    public static FixedEffect Recode(string name, int[] codes)
    {
        var map = new Dictionary<int, int>();
        var dense = new int[codes.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            if (!map.TryGetValue(codes[i], out int c)) map.Add(codes[i], c = map.Count);
            dense[i] = c;
        }
        return new FixedEffect(name, dense, map.Count);
    }
}
