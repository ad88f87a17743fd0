using Panelwise.Estimation.IV;
using System.Runtime.CompilerServices;
using Panelwise.Absorb;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Estimation.Panel;
using Panelwise.Formula;
using Panelwise.Results;
using Panelwise.Estimation;

namespace Panelwise.Models;

/// <summary>The library's front door for linear models: formula + data -> results, one per csw()/sw() variant.
/// <see cref="FitOptions.Model"/> selects pooled OLS or a panel model (PanelEstimator, on the samples of Estimation/Panel).
/// <code>var results = Regression.Fit(frame, "inv ~ value + capital | firm + year", new FitOptions { Vcov = VcovSpec.Cluster("firm") });</code></summary>
public static class Regression
{
    /// <summary>Fits every variant of <paramref name="formula"/> on <paramref name="frame"/>.</summary>
    public static IReadOnlyList<RegressionResult> Fit(Frame frame, string formula, FitOptions? options = null) =>
        Fit(frame, FormulaParser.Parse(formula), options);

    /// <summary>Fits every variant of an already parsed formula (<see cref="FormulaParser.Parse"/>), e.g. one whose
    /// <see cref="RequiredColumns(ParsedFormula, FitOptions?)"/> chose the columns to read: the formula is parsed once.</summary>
    public static IReadOnlyList<RegressionResult> Fit(Frame frame, ParsedFormula parsed, FitOptions? options = null)
    {
        options ??= new FitOptions();
        if (options.Model == PanelModel.Fgls)
        {
            if (options.DropOutliers is not null) throw new UserInputException("{DropOutliers} is not available with {Model} fgls.");
            return Fgls.Fit(frame, parsed, options, options.Fgls);
        }
        if (options.Panel is { } pt) frame = PanelTime.InPeriods(frame, pt.Time);
        var panel = options.Panel is { } p ? PanelIndex.Build(frame, p.Id, p.Time) : null;
        (int[] Units, double[] Times)? panelLabels = panel is null ? null : PanelLabels(frame, panel);
        var results = new List<RegressionResult>();
        var variants = parsed.Expand().ToList();
        bool overwrite = options.OverwriteData && variants.Count == 1 && options.DropOutliers is null;
        // Variants with the same fixed effects and sample are absorbed once (multiple estimation, as fixest does).
        if (options.Model == PanelModel.Ols && options.DropOutliers is null
            && SharedVariantFit.TryFit(frame, variants, panel, panelLabels, options) is { } shared) return shared;
        foreach (var spec in variants)
        {
            var (result, rows) = FitVariant(frame, spec, panel, panelLabels, options, overwrite);
            if (options.DropOutliers is { } k) result = ResidualOutliers.Refit(result, rows, frame.RowCount, k, mask => FitVariant(frame, spec, panel, panelLabels,
                options with { ExcludedRows = mask, ExclusionReason = ResidualOutliers.Reason(k) }).Result);
            results.Add(result);
        }
        return results;
    }

    /// <summary>One model (a single variant) with the frame row of each observation of its sample, for methods that
    /// fit several equations on one sample (mediation, group comparisons).</summary>
    internal static (RegressionResult Result, int[] Rows) FitWithRows(Frame frame, ModelSpec spec, FitOptions options)
    {
        if (options.Panel is { } pt) frame = PanelTime.InPeriods(frame, pt.Time);
        var panel = options.Panel is { } p ? PanelIndex.Build(frame, p.Id, p.Time) : null;
        return FitVariant(frame, spec, panel, panel is null ? null : PanelLabels(frame, panel), options);
    }

    /// <summary>One variant, with the frame row of each residual (so that a later step can drop observations).</summary>
    private static (RegressionResult Result, int[] Rows) FitVariant(Frame frame, ModelSpec spec, PanelIndex? panel,
        (int[] Units, double[] Times)? panelLabels, FitOptions options, bool overwrite = false)
    {
        if (options.Model != PanelModel.Ols) return PanelEstimator.FitWithRows(frame, spec, panel, options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var data = DesignBuilder.Build(options.DesignRequest(frame, spec, panel) with { OverwriteFrame = overwrite });
        DegenerateModel.CheckDesign(data);
        var design = new PhaseTime("design", clock.Elapsed.TotalSeconds);
        if (spec.Endogenous.Count > 0) return (FitIv(data, spec, options, design, SampleCodes(data, panelLabels)), data.SourceRows);
        var problem = ToProblem(data, spec) with { Panel = SampleCodes(data, panelLabels) };
        var fit = LinearEstimator.Fit(problem, options.Estimation);
        var rows = data.SourceRows;
        if (fit.Nobs < rows.Length)
        {
            // The estimator dropped singletons; the same deterministic search says which.
            var keep = SingletonFilter.Find(problem.FixedEffects, rows.Length).Keep;
            rows = rows.Where((_, i) => keep[i]).ToArray();
        }
        return (RegressionResult.Create(fit, options.Vcov, [design]), rows);
    }

    /// <summary>The data columns a fit reads (formula, panel, clusters, weights, filter), so that a large file can be
    /// read with only those columns.</summary>
    public static IReadOnlySet<string> RequiredColumns(string formula, FitOptions? options = null) =>
        RequiredColumns(FormulaParser.Parse(formula), options);

    /// <summary>As <see cref="RequiredColumns(string, FitOptions?)"/> for an already parsed formula.</summary>
    public static IReadOnlySet<string> RequiredColumns(ParsedFormula formula, FitOptions? options = null)
    {
        options ??= new FitOptions();
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in formula.Expand()) set.UnionWith(spec.Variables());
        if (options.Panel is { } p) { set.Add(p.Id); set.Add(p.Time); }
        foreach (var c in options.Vcov.ClusterVariables) set.UnionWith(c.Split('^', StringSplitOptions.TrimEntries));
        if (options.Weights is not null) set.Add(options.Weights);
        if (options.If is not null) set.UnionWith(RowFilter.Columns(options.If));
        return set;
    }

    /// <summary>Unit code and time value of every frame row (the index has already checked the times are whole).</summary>
    internal static (int[] Units, double[] Times) PanelLabels(Frame frame, PanelIndex panel) =>
        (panel.UnitCodes, frame.Numeric(panel.TimeName).Values);

    /// <summary>The panel codes of the sample rows; null when a sample row lacks its unit or time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static PanelCodes? SampleCodes(ModelData data, (int[] Units, double[] Times)? labels)
    {
        if (labels is not { } l) return null;
        var units = new int[data.RowCount];
        var times = new int[data.RowCount];
        for (int i = 0; i < units.Length; i++)
        {
            int row = data.SourceRows[i];
            if (l.Units[row] < 0 || double.IsNaN(l.Times[row])) return null;
            units[i] = l.Units[row];
            times[i] = (int)l.Times[row];
        }
        return PanelCodes.Create(units, times);
    }

    private static RegressionResult FitIv(ModelData data, ModelSpec spec, FitOptions options, PhaseTime design, PanelCodes? panel)
    {
        if (data.Weights is not null)
            throw new EstimationException("Weights are not supported with instrumental variables yet: drop {Weights}.");
        if (data.InstrumentNames.Count < data.EndogenousNames.Count)
            throw EstimationException.Underidentified(data.EndogenousNames, data.InstrumentNames);
        var problem = new IvProblem
        {
            ResponseName = data.ResponseName,
            Response = data.Response,
            ExogenousNames = data.RegressorNames,
            Exogenous = data.Regressors,
            EndogenousNames = data.EndogenousNames,
            Endogenous = data.Endogenous,
            InstrumentNames = data.InstrumentNames,
            Instruments = data.Instruments,
            Intercept = data.Intercept,
            FixedEffects = data.FixedEffects.Select(f => new FixedEffect(f.Name, f.Codes, f.Levels)).ToList(),
            Clusters = data.Clusters.Select(f => new FixedEffect(f.Name, f.Codes, f.Levels)).ToList(),
            Panel = panel,
            Notes = data.Notes,
            Formula = spec.Text,
        };
        return InstrumentalVariables.Fit(problem, options.Vcov, options.Iv, options.Estimation, [design]);
    }

    internal static LinearProblem ToProblem(ModelData data, ModelSpec spec) => new()
    {
        ResponseName = data.ResponseName,
        Response = data.Response,
        RegressorNames = data.RegressorNames,
        Regressors = data.Regressors,
        Intercept = data.Intercept || spec.FixedEffects.Count > 0,
        FixedEffects = data.FixedEffects.Select(f => new FixedEffect(f.Name, f.Codes, f.Levels)).ToList(),
        Clusters = data.Clusters.Select(f => new FixedEffect(f.Name, f.Codes, f.Levels)).ToList(),
        Weights = data.Weights,
        Notes = data.Notes,
        Formula = spec.Text,
    };
}
