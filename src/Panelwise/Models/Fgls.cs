using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Results;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;

namespace Panelwise.Models;

/// <summary>Feasible GLS for panels as Stata's <c>xtgls</c> (two-step, rhotype(regress), no igls):
/// (1) pooled OLS; (2) with corr(ar1|psar1), ρ_i = Σ_t e_it e_i,t-1 / Σ_t e_i,t-1² from the OLS residuals (ar1: the average
/// of the ρ_i), Prais-Winsten transform (first observation × √(1-ρ²), then z_t - ρ z_t-1) and OLS on the transformed data;
/// (3) from those residuals, panels(iid) σ² = e'e/N, panels(hetero) σ_i² = e_i'e_i/T_i, panels(correlated)
/// σ_ij = e_i'e_j/T (balanced panels); (4) β = (X'Ω⁻¹X)⁻¹X'Ω⁻¹y with V = (X'Ω⁻¹X)⁻¹ and z statistics.
/// Source: Stata Base Reference Manual, xtgls, Methods and formulas. Computed as OLS on Ω̂^(-1/2)-transformed data.
/// <code>var r = Fgls.Fit(frame, "y ~ x", new FitOptions { Panel = ("id", "year") }, new FglsOptions { Panels = FglsPanels.Hetero });</code></summary>
public static partial class Fgls
{
    /// <summary>Fits every variant of <paramref name="formula"/> by FGLS; <see cref="FitOptions.Panel"/> is required.
    /// The same as <see cref="Regression.Fit(Frame, string, FitOptions?)"/> with <see cref="PanelModel.Fgls"/>.</summary>
    public static IReadOnlyList<RegressionResult> Fit(Frame frame, string formula, FitOptions options, FglsOptions fgls) =>
        Fit(frame, FormulaParser.Parse(formula), options, fgls);

    /// <summary>Fits every variant of an already parsed formula by FGLS.</summary>
    internal static IReadOnlyList<RegressionResult> Fit(Frame frame, ParsedFormula parsed, FitOptions options, FglsOptions fgls)
    {
        if (options.Panel is not { } p)
            throw new UserInputException("{Model} fgls needs the panel structure: add {Panel} id,time.");
        if (options.Weights is not null)
            throw new UserInputException("{Model} fgls does not take {Weights} (xtgls estimates the panel variances itself).");
        if (options.Vcov is not IidVcovSpec)
            throw new UserInputException("{Model} fgls reports the GLS covariance (X'Ω⁻¹X)⁻¹ with z statistics, as xtgls: drop {Vcov}.");
        if (parsed.Endogenous.Count > 0)
            throw new UserInputException("{Model} fgls has no instrumental-variables form: remove the part after the last '|'.");
        frame = PanelTime.InPeriods(frame, p.Time);
        var panel = PanelIndex.Build(frame, p.Id, p.Time);
        var labels = Regression.PanelLabels(frame, panel);
        var results = new List<RegressionResult>();
        foreach (var spec in parsed.Expand())
        {
            if (spec.FixedEffects.Count > 0)
                throw new UserInputException("{Model} fgls absorbs no fixed effects (xtgls has none): write the dummies as i(VAR) instead of '| VAR'.");
            var data = DesignBuilder.Build(new DesignRequest { Frame = frame, Spec = spec, Panel = panel, If = options.If });
            DegenerateModel.CheckDesign(data);
            var codes = Regression.SampleCodes(data, labels)
                ?? throw new UserInputException($"{{Model}} fgls: some sample rows lack {p.Id} or {p.Time}; filter them out with {{If}}.");
            results.Add(FitSample(data, spec.Text, codes, fgls, options.Estimation, frame[p.Id], p.Time));
        }
        return results;
    }

    private static RegressionResult FitSample(ModelData data, string formula, PanelCodes panel, FglsOptions fgls,
        EstimationOptions estimation, Column idColumn, string timeName)
    {
        var names = new List<string>();
        var columns = new List<double[]>();
        if (data.Intercept)
        {
            var ones = new double[data.RowCount];
            Array.Fill(ones, 1.0);
            names.Add(LinearEstimator.InterceptName);
            columns.Add(ones);
        }
        names.AddRange(data.RegressorNames);
        columns.AddRange(data.Regressors);
        var ols = Ols(data.Response, names, columns, data.ResponseName, estimation);
        columns = ols.Terms.Select(t => columns[names.IndexOf(t)]).ToList();
        names = [.. ols.Terms];
        var notes = new List<Note>(ols.Notes);

        var y = data.Response;
        var residuals = ols.Residuals;
        if (fgls.Correlation != FglsCorrelation.Independent)
        {
            var previous = PreviousObservation(panel, data, idColumn, timeName);
            var rho = Autocorrelations(panel, previous, residuals, fgls.Correlation, notes);
            y = PraisWinsten(y, previous, rho, panel);
            columns = columns.Select(x => PraisWinsten(x, previous, rho, panel)).ToList();
            residuals = Ols(y, names, columns, data.ResponseName, estimation).Residuals;
        }
        var (yGls, xGls) = fgls.Panels switch
        {
            FglsPanels.Iid => ScaleBy(y, columns, IidScale(residuals), "Error variance sigma^2 = e'e/N from the residuals (xtgls; N, not N-K).", notes),
            FglsPanels.Hetero => ScaleBy(y, columns, HeteroScale(residuals, panel),
                "Panel variances sigma_i^2 = e_i'e_i/T_i from the residuals (xtgls panels(hetero); T_i, not T_i-K).", notes),
            _ => Decorrelate(y, columns, residuals, panel, notes),
        };
        var gls = Ols(yGls, names, xGls, data.ResponseName, estimation);
        var fit = Relabel(gls, formula, data.Notes.Concat(notes).ToList());
        var vcov = new GlsVcovSpec($"FGLS {fgls} (xtgls, two-step): V = (X'Ω⁻¹X)⁻¹, z statistics");
        return RegressionResult.Create(fit, vcov).With(modelName: "fgls");
    }

    private static LinearFit Ols(double[] y, IReadOnlyList<string> names, IReadOnlyList<double[]> columns, string response,
        EstimationOptions estimation) =>
        LinearEstimator.Fit(new LinearProblem
        {
            ResponseName = response,
            Response = y,
            RegressorNames = names,
            Regressors = columns,
            Intercept = false,
        }, estimation);

    /// <summary>The GLS fit as a result: R², SSR and RMSE of the transformed regression mean nothing on the data's
    /// scale (xtgls reports none), so they are NaN (null in JSON).</summary>
    private static LinearFit Relabel(LinearFit gls, string formula, IReadOnlyList<Note> notes) => new()
    {
        Formula = formula,
        ResponseName = gls.ResponseName,
        Terms = gls.Terms,
        ReportOrder = gls.ReportOrder,
        Coefficients = gls.Coefficients,
        Bread = gls.Bread,
        Columns = gls.Columns,
        Residuals = gls.Residuals,
        Nobs = gls.Nobs,
        HasIntercept = gls.HasIntercept,
        DroppedTerms = gls.DroppedTerms,
        FixedEffects = [],
        Clusters = [],
        AbsorbedDof = 0,
        Ssr = double.NaN,
        Tss = double.NaN,
        TssWithin = double.NaN,
        SolverMethod = gls.SolverMethod,
        Notes = notes,
        Timings = gls.Timings,
    };
}
