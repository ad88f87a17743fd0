using System.Collections.Concurrent;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Estimation;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Models;
using Panelwise.Results;

namespace Panelwise.Methods.Multiverse;

/// <summary>Multiverse analysis / specification curve (Steegen et al. 2016; Simonsohn, Simmons and Nelson 2020):
/// every combination of outcome, focal term, controls, fixed effects, covariance and sample, each fitted exactly as
/// <see cref="Regression.Fit(Frame, string, FitOptions?)"/> fits <c>y ~ x + controls | fe</c> with that covariance and
/// filter (its sample is the rows complete for its own variables, singletons dropped), reporting the focal term's
/// coefficient; with an instrument set z, <c>y ~ controls | fe | x ~ z</c> by the options' IV estimator, fitted alone
/// (never in a shared design). Specifications that differ only in covariance share one fit; fits with the same fixed effects, sample
/// and weights share one design and one absorption of the union of their columns (<see cref="DesignUnits"/>); units
/// run in parallel.
/// <code>var result = Multiverse.Run(frame, new MultiverseSpec { Outcomes = ["y"], FocalTerms = ["x", "l(x, 1)"],
///     FixedEffectSets = ["none", "id + year"], Vcovs = ["iid", "cluster:id"] }, new FitOptions { Panel = ("id", "year") });</code></summary>
public static class Multiverse
{
    /// <summary>Fits every specification of <paramref name="multiverse"/> on <paramref name="frame"/>.
    /// <paramref name="options"/> gives what all share (panel, weights, solver, a filter combined with each sample by
    /// <c>&amp;</c>); its covariance is replaced by each specification's.</summary>
    public static MultiverseResult Run(Frame frame, MultiverseSpec multiverse, FitOptions? options = null)
    {
        options ??= new FitOptions();
        if (options.Model != PanelModel.Ols)
            throw new UserInputException("A multiverse fits pooled OLS with absorbed fixed effects; {Model} must be ols (absorb the panel effects through the fixed-effect dimension).");
        if (options.DropOutliers is not null)
            throw new UserInputException("{DropOutliers} is not available in a multiverse.");
        if (multiverse.JointDraws < 0)
            throw new UserInputException($"The joint test's number of draws must be positive (0 for no test); got {multiverse.JointDraws}.");
        var specs = SpecificationGrid.Build(multiverse);
        int? baseline = SpecificationGrid.Baseline(multiverse, specs);
        var vcovs = specs.Select(s => s.Vcov).Distinct(StringComparer.Ordinal).ToDictionary(v => v, ParseVcov, StringComparer.Ordinal);
        var groups = SpecificationGroups.Of(specs, frame, vcovs.ToDictionary(v => v.Key, v => v.Value.ClusterVariables, StringComparer.Ordinal));
        var fits = groups.SelectMany(g => g.Fits).ToList();
        var estimates = FitAll(frame, fits, vcovs, options, specs.Count, out int designs);
        var result = new MultiverseResult(multiverse, estimates, MultiverseSummary.Of(estimates, baseline))
        {
            FitCount = fits.Count, DesignCount = designs, Fits = fits, Vcovs = vcovs,
        };
        return multiverse.JointDraws > 0
            ? result with { Joint = JointTest.Run(frame, result, options, multiverse.JointDraws, multiverse.Seed, multiverse.ResampleBy ?? options.Panel?.Id) }
            : result;
    }

    /// <summary>The columns any specification of <paramref name="multiverse"/> reads: its formula's, its sample
    /// filter's, its clusters', and the panel, weights and filter of <paramref name="options"/>. A front end reads
    /// (or keeps) only these, so that every draw of the joint test copies no other column.</summary>
    public static IReadOnlySet<string> RequiredColumns(MultiverseSpec multiverse, FitOptions? options = null)
    {
        options ??= new FitOptions();
        var specs = SpecificationGrid.Build(multiverse);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (string formula in specs.Select(s => s.Formula).Distinct(StringComparer.Ordinal))
            columns.UnionWith(Regression.RequiredColumns(Parse(specs.First(s => s.Formula == formula)), options with { Vcov = VcovSpec.Iid }));
        foreach (string sample in specs.Select(s => s.Filter).OfType<string>().Distinct(StringComparer.Ordinal))
            columns.UnionWith(RowFilter.Columns(sample));
        foreach (string vcov in specs.Select(s => s.Vcov).Distinct(StringComparer.Ordinal))
            foreach (string c in ParseVcov(vcov).ClusterVariables) columns.UnionWith(c.Split('^', StringSplitOptions.TrimEntries));
        return columns;
    }

    /// <summary>Runs <paramref name="fits"/> in parallel, unit by unit (<see cref="DesignUnits"/>): the estimates of
    /// <paramref name="count"/> specifications, indexed by number - 1. The lowest-numbered failing specification's
    /// error is thrown, whatever the schedule.</summary>
    internal static SpecificationEstimate[] FitAll(Frame frame, IReadOnlyList<ModelFit> fits, IReadOnlyDictionary<string, VcovSpec> vcovs,
        FitOptions options, int count, out int designs)
    {
        var estimates = new SpecificationEstimate[count];
        var failures = new ConcurrentBag<(int Number, Exception Error)>();
        var plan = DesignUnits.Plan(frame, fits, options);
        Parallel.ForEach(plan.Units, new ParallelOptions { MaxDegreeOfParallelism = options.Estimation.Threads > 0 ? options.Estimation.Threads : -1 }, unit =>
        {
            var alone = plan.FitShared(unit, vcovs, options, (fit, result) =>
            {
                foreach (var estimate in Estimates(fit, result, FocalTerm(fit), vcovs)) estimates[estimate.Spec.Number - 1] = estimate;
            });
            foreach (var fit in alone)
                try
                {
                    plan.FittedAlone();
                    foreach (var estimate in Estimate(frame, fit, vcovs, options)) estimates[estimate.Spec.Number - 1] = estimate;
                }
                catch (Exception ex) when (ex is UserInputException)
                {
                    failures.Add((fit.Specs[0].Number, ex));
                }
        });
        if (!failures.IsEmpty) throw failures.MinBy(f => f.Number).Error;
        designs = plan.DesignCount;
        return estimates;
    }

    /// <summary>One model fit on its own and the focal coefficient of each of its specifications.</summary>
    private static IEnumerable<SpecificationEstimate> Estimate(Frame frame, ModelFit fit, IReadOnlyDictionary<string, VcovSpec> vcovs, FitOptions options)
    {
        var first = fit.Specs[0];
        var parsed = Parse(first);
        var fitOptions = options with
        {
            If = Combine(options.If, fit.Filter),
            Vcov = vcovs[first.Vcov],
            ExtraClusterVariables = fit.ClusterVariables,
        };
        RegressionResult result;
        try
        {
            result = Regression.Fit(frame, parsed, fitOptions)[0];
        }
        catch (UserInputException ex)
        {
            throw new UserInputException($"Specification {first.Number} ({Describe(first)}): {ex.Template}", ex) { Term = ex.Term };
        }
        return Estimates(fit, result, FocalTerm(parsed), vcovs);
    }

    private static string FocalTerm(ModelFit fit) => FocalTerm(Parse(fit.Specs[0]));

    /// <summary>x's name: the first regressor, or the endogenous term of an instrumented specification.</summary>
    private static string FocalTerm(ParsedFormula parsed) => parsed.Expand().Single() is var model && model.Endogenous.Count > 0
        ? model.Endogenous[0].Name
        : model.Regressors[0].Name;

    /// <summary>The focal coefficient of each specification of <paramref name="fit"/>, from its fit under the first
    /// one's covariance (<paramref name="result"/>), re-covaried for the others.</summary>
    private static List<SpecificationEstimate> Estimates(ModelFit fit, RegressionResult result, string term, IReadOnlyDictionary<string, VcovSpec> vcovs)
    {
        var byVcov = new Dictionary<string, RegressionResult>(StringComparer.Ordinal) { [fit.Specs[0].Vcov] = result };
        var estimates = new List<SpecificationEstimate>(fit.Specs.Count);
        foreach (var spec in fit.Specs)
        {
            if (!byVcov.TryGetValue(spec.Vcov, out var r)) byVcov[spec.Vcov] = r = Recovary(result, vcovs[spec.Vcov], spec);
            var row = r[term];
            if (row is null || !double.IsFinite(row.Estimate) || !double.IsFinite(row.StdError))
                throw new UserInputException($"Specification {spec.Number} ({Describe(spec)}): the focal term '{term}' has no estimate "
                    + "(collinear with the controls or fixed effects); leave the combination out with {MultiverseExclusions}.") { Term = term };
            estimates.Add(new SpecificationEstimate(spec, term, row.Estimate, row.StdError, row.PValue, row.ConfLow, row.ConfHigh, r.Nobs));
        }
        return estimates;
    }

    private static RegressionResult Recovary(RegressionResult result, VcovSpec vcov, Specification spec)
    {
        try
        {
            return result.WithVcov(vcov);
        }
        catch (UserInputException ex)
        {
            throw new UserInputException($"Specification {spec.Number} ({Describe(spec)}): {ex.Template}", ex) { Term = ex.Term };
        }
    }

    private static ParsedFormula Parse(Specification spec)
    {
        ParsedFormula parsed;
        try
        {
            parsed = FormulaParser.Parse(spec.Formula);
        }
        catch (UserInputException ex)
        {
            throw new UserInputException($"Specification {spec.Number} ({Describe(spec)}): {ex.Template}", ex) { Term = ex.Term };
        }
        if (parsed.Expand().Count() != 1 || parsed.Expand().Single().Endogenous.Count != (spec.IsInstrumented ? 1 : 0))
            throw new UserInputException($"Specification {spec.Number} ({Describe(spec)}): a multiverse choice must be plain terms, "
                + "without csw()/sw() or an instrumental-variables part (list the variants as choices instead; instrument the focal term through the iv dimension).") { Term = spec.Formula };
        return parsed;
    }

    /// <summary>The formula, sample and covariance of a specification, as errors name it.</summary>
    public static string Describe(Specification spec) =>
        spec.Formula + (spec.Filter is { } f ? $", if {f}" : "") + $", vcov {spec.Vcov}";

    internal static string? Combine(string? a, string? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => $"({a}) & ({b})",
    };

    private static VcovSpec ParseVcov(string text)
    {
        try
        {
            return VcovSpec.Parse(text);
        }
        catch (UserInputException ex)
        {
            throw new UserInputException("{Vcov}: " + ex.Template, ex) { Term = text };
        }
    }
}
