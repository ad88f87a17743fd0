using Panelwise.Data;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Models;
using Panelwise.Results;

namespace Panelwise.Methods.Multiverse;

/// <summary>The shared work of a multiverse on one frame. Model fits with the same fixed effects, sample filter and
/// row-dropping cluster columns form a unit (the unit of parallel work); within a unit, fits whose own samples (rows
/// complete for their variables) coincide are fitted together by <see cref="SharedSampleFit"/>: one design of the
/// union of their terms, one absorption of all its columns, one solve per model. Whatever cannot be shared, or fails
/// shared, is fitted alone by <see cref="Regression.Fit(Frame, ParsedFormula, FitOptions?)"/>, which also names the
/// failing specification.</summary>
internal sealed class DesignUnits
{
    private readonly Frame _frame;
    private readonly PanelIndex? _panel;
    private readonly (int[] Units, double[] Times)? _labels;
    private readonly bool _sharing;
    private int _designs;

    private DesignUnits(Frame frame, PanelIndex? panel, (int[] Units, double[] Times)? labels, bool sharing,
        IReadOnlyList<IReadOnlyList<ModelFit>> units)
    {
        _frame = frame;
        _panel = panel;
        _labels = labels;
        _sharing = sharing;
        Units = units;
    }

    /// <summary>Designs built so far: one per shared set, one per fit run alone (counted by <see cref="FittedAlone"/>).</summary>
    public int DesignCount => Volatile.Read(ref _designs);

    /// <summary>Counts a fit run alone.</summary>
    public void FittedAlone() => Interlocked.Increment(ref _designs);

    /// <summary>The units, each a list of fits in order of their first specification.</summary>
    public IReadOnlyList<IReadOnlyList<ModelFit>> Units { get; }

    /// <summary>Groups <paramref name="fits"/> into units and indexes the panel once for all of them.</summary>
    public static DesignUnits Plan(Frame frame, IReadOnlyList<ModelFit> fits, FitOptions options)
    {
        var complete = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Complete(string column) => complete.TryGetValue(column, out bool c) ? c
            : complete[column] = frame.Find(column) is { } col && Enumerable.Range(0, col.Length).All(i => !col.IsMissing(i));
        string Key(ModelFit fit) => string.Join("\u0001", ChoiceCondition.Normalise(fit.Specs[0].FixedEffects), fit.Filter ?? "",
            string.Join("|", fit.ClusterVariables.SelectMany(v => v.Split('^', StringSplitOptions.TrimEntries)).Where(c => !Complete(c))
                .Distinct().Order(StringComparer.Ordinal)));
        var units = fits.OrderBy(f => f.Specs[0].Number).GroupBy(Key).Select(g => (IReadOnlyList<ModelFit>)g.ToList()).ToList();
        try
        {
            var periods = options.Panel is { } pt ? PanelTime.InPeriods(frame, pt.Time) : frame;
            var panel = options.Panel is { } p ? PanelIndex.Build(periods, p.Id, p.Time) : null;
            return new DesignUnits(periods, panel, panel is null ? null : Regression.PanelLabels(periods, panel), sharing: true, units);
        }
        catch (UserInputException)
        {
            // Every fit fails alone with this error, attributed to its specification.
            return new DesignUnits(frame, null, null, sharing: false, units);
        }
    }

    /// <summary>Fits one unit: <paramref name="shared"/> receives each shared fit's result, valid only during the call
    /// (the next fit reuses its residual array), and the fits to be run alone are returned in order.</summary>
    public IReadOnlyList<ModelFit> FitShared(IReadOnlyList<ModelFit> unit, IReadOnlyDictionary<string, VcovSpec> vcovs, FitOptions options,
        Action<ModelFit, RegressionResult> shared)
    {
        if (!_sharing || unit.Count < 2) return unit;
        var specs = new ModelSpec[unit.Count];
        var alone = new List<ModelFit>();
        var candidates = new List<int>();
        for (int i = 0; i < unit.Count; i++)
        {
            var parsed = TryParse(unit[i].Formula);
            if (parsed is null) alone.Add(unit[i]);
            else { specs[i] = parsed; candidates.Add(i); }
        }
        var unitOptions = options with
        {
            If = Multiverse.Combine(options.If, unit[0].Filter),
            Vcov = vcovs[unit[0].Specs[0].Vcov],
            ExtraClusterVariables = unit.SelectMany(f => f.ClusterVariables).Distinct(StringComparer.Ordinal).ToList(),
        };
        List<List<int>> parts;
        try
        {
            parts = SharedSampleFit.Partition(_frame, _panel, candidates.Select(i => specs[i]).ToList(), unitOptions);
        }
        catch (UserInputException)
        {
            return unit;
        }
        foreach (var part in parts.Select(p => p.Select(k => candidates[k]).ToList()))
        {
            if (part.Count == 1) { alone.Add(unit[part[0]]); continue; }
            try
            {
                int k = 0;
                Interlocked.Increment(ref _designs);
                foreach (var result in SharedSampleFit.Fit(_frame, _panel, _labels,
                             part.Select(i => (specs[i], vcovs[unit[i].Specs[0].Vcov])).ToList(), unitOptions, transient: true))
                    shared(unit[part[k++]], result);
            }
            catch (UserInputException)
            {
                Interlocked.Decrement(ref _designs);
                // Fitted alone, the failing one is found and named (the others are refitted identically).
                alone.AddRange(part.Select(i => unit[i]));
            }
        }
        return alone.OrderBy(f => f.Specs[0].Number).ToList();
    }

    private static ModelSpec? TryParse(string formula)
    {
        try
        {
            var variants = FormulaParser.Parse(formula).Expand().ToList();
            return variants.Count == 1 && variants[0].Endogenous.Count == 0 ? variants[0] : null;
        }
        catch (UserInputException)
        {
            return null;
        }
    }
}
