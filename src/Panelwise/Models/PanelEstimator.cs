using Panelwise.Data;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Results;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;

namespace Panelwise.Models;

/// <summary>Runs the panel model <see cref="FitOptions.Model"/> on one formula variant: checks what the model needs,
/// builds the panel sample, and hands it to the estimator.</summary>
internal static class PanelEstimator
{
    public static RegressionResult Fit(Frame frame, ModelSpec spec, PanelIndex? panel, FitOptions options) =>
        FitWithRows(frame, spec, panel, options).Result;

    /// <summary>As <see cref="Fit"/>, with the frame row of every sample observation.</summary>
    public static (RegressionResult Result, int[] Rows) FitWithRows(Frame frame, ModelSpec spec, PanelIndex? panel, FitOptions options)
    {
        var model = options.Model;
        if (model == PanelModel.Fgls)
            throw new UserInputException("{Model} fgls fits a whole formula (Regression.Fit) only: group comparisons and mediation take pooled OLS or the other panel models.");
        string flag = $"{{Model}} {PanelModelNames.JsonName(model)}";
        if (panel is null) throw DataException.PanelRequired(flag);
        if (options.Weights is not null)
            throw new UserInputException($"{flag} does not take {{Weights}} yet: fit the weighted model with the default pooled OLS and fixed effects.");
        if (spec.FixedEffects.Count > 0 && model is PanelModel.RandomEffects or PanelModel.Between or PanelModel.DummyVariables)
            throw new UserInputException($"{flag} takes no absorbed effects after '|' ({string.Join(" + ", spec.FixedEffects.Select(f => f.Name))}): " +
                "write time dummies as i(year) instead.");
        Note? robustNote = null;
        if (model == PanelModel.FixedEffects && options.Vcov is HeteroskedasticVcovSpec { Type: 1 })
        {
            // Stata's xtreg, fe: vce(robust) is vce(cluster panelvar) (Stock and Watson 2008: HC1 on the within
            // transform is inconsistent with fixed T), so robust is clustered by the panel id here too.
            options = options with { Vcov = VcovSpec.Cluster(panel.IdName) };
            robustNote = new Note(NoteKind.Inference, "robust_is_clustered",
                $"{{Vcov}} robust with {{Model}} fe is clustered by {panel.IdName}, as xtreg, fe vce(robust) (which is vce(cluster {panel.IdName})); " +
                "for HC1 without clustering use the pooled model with absorbed effects: y ~ x | " + panel.IdName + " {Vcov} hc1.", [panel.IdName]);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var dummies = new FactorTerm(panel.IdName, null, null);
        var sample = PanelSample.Build(options.DesignRequest(frame,
            model == PanelModel.DummyVariables ? spec with { Regressors = [.. spec.Regressors, dummies] } : spec, panel));
        PhaseTime[] design = [new PhaseTime("design", clock.Elapsed.TotalSeconds)];
        var result = model switch
        {
            PanelModel.FixedEffects => FixedEffectsModel.Fit(sample, options, design, robustNote),
            PanelModel.DummyVariables => DummyVariableModel.Fit(sample, options, design, dummies.LevelName("")),
            PanelModel.RandomEffects => RandomEffectsModel.Fit(sample, options, design),
            PanelModel.Between => BetweenModel.Fit(sample, options, design),
            PanelModel.FirstDifference => FirstDifferenceModel.Fit(sample, options, design),
            _ => throw new ArgumentOutOfRangeException(nameof(options), model, "Not a panel model."),
        };
        // Stata prints the observations and the groups of xtreg fe/re/be; be's fit is on the unit means.
        if (model is PanelModel.FixedEffects or PanelModel.RandomEffects or PanelModel.Between)
            result = result.WithPanelCounts(sample.Rows, sample.UnitCount);
        return (result, sample.Data.SourceRows);
    }
}
