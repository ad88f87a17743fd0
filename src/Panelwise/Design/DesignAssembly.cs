using System.Runtime.CompilerServices;
using Panelwise.Data;
using Panelwise.Formula;

namespace Panelwise.Design;

/// <summary>The work behind <see cref="DesignBuilder.Build"/>: sample selection here, term evaluation and
/// column expansion in DesignAssembly.Columns.cs.</summary>
internal sealed partial class DesignAssembly
{
    private readonly DesignRequest _request;
    private readonly Frame _frame;
    private readonly ModelSpec _spec;
    private readonly Dictionary<string, (int[] Codes, int Levels)> _factors = new(StringComparer.Ordinal);
    private readonly List<(string Label, int Count)> _drops = [];
    private ExpressionEvaluator _evaluator = null!;
    private bool[] _ifRows = [];

    /// <summary>With <see cref="DesignRequest.OverwriteFrame"/>: arrays that must still be copied (used twice, or read
    /// again later as a key, weight or filter); null when every column is copied.</summary>
    private HashSet<double[]>? _shared;

    public DesignAssembly(DesignRequest request)
    {
        _request = request;
        _frame = request.Frame;
        _spec = request.Spec;
    }

    public ModelData Build()
    {
        CheckColumns();
        var notes = new List<Note>();
        var (keep, afterIf) = FilterRows(notes);

        if (_spec.Response is not ExpressionTerm and not InteractionTerm)
            throw DataException.CannotEvaluate(_frame.Source, _spec.Response.Name, "the response must be numeric, not i()");
        var response = Evaluate(_spec.Response);
        var regressors = _spec.Regressors.Select(Evaluate).ToList();
        var endogenous = _spec.Endogenous.Select(Evaluate).ToList();
        var instruments = _spec.Instruments.Select(Evaluate).ToList();
        var fixedEffects = _spec.FixedEffects.Select(fe => (fe.Name, Codes: FactorCodes(fe.Variables))).ToList();
        var clusters = _request.ClusterVariables.Select(c => (Name: c, Codes: FactorCodes(c.Split('^')))).ToList();
        double[]? weights = _request.Weights is null ? null : _frame.Numeric(_request.Weights).Values;

        foreach (var term in (TermValues[])[response, .. regressors, .. endogenous, .. instruments]) DropMissing(keep, term);
        foreach (var (name, codes) in fixedEffects.Concat(clusters)) DropMissing(keep, name, codes.Codes);
        if (weights is not null) DropMissing(keep, _request.Weights!, weights);
        if (HasCuts) response = ApplyCuts(keep, response, regressors, endogenous, instruments);

        var rows = SampleRows(keep, afterIf);
        if (weights is not null) CheckWeights(weights, rows);
        if (MissingValuesNote.For(afterIf - rows.Length, [.. _drops.Select(d => (d.Label, (long)d.Count))]) is { } missing) notes.Add(missing);
        notes.AddRange(_evaluator.Notes.Select(n => new Note(NoteKind.Data, "expression", n)));

        _shared = _request.OverwriteFrame ? SharedArrays([response, .. regressors, .. endogenous, .. instruments]) : null;
        var (regressorNames, regressorColumns, regressorTerms) = Columns(regressors, rows);
        var (endogenousNames, endogenousColumns, _) = Columns(endogenous, rows);
        var (instrumentNames, instrumentColumns, _) = Columns(instruments, rows);
        var responseValues = Gather(response.Values!, rows);
        NoteLostDigits(notes, [(_spec.Response.Name, responseValues), .. regressorNames.Zip(regressorColumns), .. endogenousNames.Zip(endogenousColumns),
            .. instrumentNames.Zip(instrumentColumns)]);
        return new ModelData
        {
            RowCount = rows.Length,
            SourceRows = rows,
            ResponseName = _spec.Response.Name,
            Response = responseValues,
            RegressorNames = regressorNames,
            Regressors = regressorColumns,
            RegressorTerms = regressorTerms,
            Intercept = _spec.Intercept,
            EndogenousNames = endogenousNames,
            Endogenous = endogenousColumns,
            InstrumentNames = instrumentNames,
            Instruments = instrumentColumns,
            FixedEffects = fixedEffects.Select(f => Compact(f.Name, f.Codes.Codes, f.Codes.Levels, rows)).ToList(),
            Clusters = clusters.Select(c => Compact(c.Name, c.Codes.Codes, c.Codes.Levels, rows)).ToList(),
            Weights = weights is null ? null : Gather(weights, rows),
            Notes = notes,
        };
    }

    /// <summary>The rows the filter and the exclusions keep, with their notes; sets up term evaluation.</summary>
    private (bool[] Keep, int Count) FilterRows(List<Note> notes)
    {
        int n = _frame.RowCount;
        var keep = new bool[n];
        int afterIf = n;
        if (string.IsNullOrWhiteSpace(_request.If)) Array.Fill(keep, true);
        else
        {
            keep = RowFilter.Evaluate(_frame, _request.If, out int missing, _request.Panel);
            afterIf = Count(keep);
            notes.Add(new Note(NoteKind.Sample, "if_filter", $"if: {afterIf} of {n} rows kept" + (missing > 0 ? $" (the condition is missing in {Rows(missing)})" : "")));
        }
        if (_request.ExcludedRows is { } excluded) afterIf = Exclude(keep, excluded, afterIf, notes);
        _ifRows = (bool[])keep.Clone();
        _evaluator = NewEvaluator(keep, cutSample: null);
        return (keep, afterIf);
    }

    private HashSet<double[]> SharedArrays(IEnumerable<TermValues> terms)
    {
        var shared = new HashSet<double[]>(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<double[]>(ReferenceEqualityComparer.Instance);
        foreach (var term in terms)
            if (term.Values is { } values && !seen.Add(values)) shared.Add(values);
        var keys = new List<string>();
        foreach (var fe in _spec.FixedEffects) keys.AddRange(fe.Variables);
        foreach (var cluster in _request.ClusterVariables) keys.AddRange(cluster.Split('^', StringSplitOptions.TrimEntries));
        if (_request.Weights is not null) keys.Add(_request.Weights);
        if (_request.Panel is { } panel) keys.AddRange([panel.IdName, panel.TimeName]);
        if (!string.IsNullOrWhiteSpace(_request.If)) keys.AddRange(RowFilter.Columns(_request.If));
        foreach (var key in keys)
            if (_frame.Find(key) is NumericColumn column) shared.Add(column.Values);
        return shared;
    }

    /// <summary>Unknown columns fail up front with the frame's did-you-mean message; lags need a panel.</summary>
    private void CheckColumns()
    {
        var names = new HashSet<string>(_spec.Variables(), StringComparer.Ordinal);
        foreach (var cluster in _request.ClusterVariables) names.UnionWith(cluster.Split('^'));
        if (_request.Weights is not null) names.Add(_request.Weights);
        foreach (var name in names) _ = _frame[name];
        var panel = _request.Panel;
        if (panel is null && _spec.UsesPanel())
            throw DataException.PanelRequired(_spec.Terms().Select(PanelNode).First(n => n is not null)!.ToString());
        if (panel is not null && panel.RowCount != _frame.RowCount)
            throw new ArgumentException($"The panel index has {panel.RowCount} rows but the frame has {_frame.RowCount}.", nameof(_request));
    }

    private static Expr? PanelNode(Term term) => term switch
    {
        ExpressionTerm e => PanelNode(e.Expression),
        InteractionTerm i => i.Factors.Select(f => PanelNode(f.Expression)).FirstOrDefault(n => n is not null),
        FactorTerm { Slope: { } slope } => PanelNode(slope.Expression),
        _ => null,
    };

    private static Expr? PanelNode(Expr expr) =>
        expr.SelfAndDescendants().FirstOrDefault(n => n is LagExpr or DiffExpr);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] SampleRows(bool[] keep, int afterIf)
    {
        int count = Count(keep);
        // Every row kept (clean data, no filter): the identity, filled by SIMD instead of a branch per row.
        if (count == keep.Length && count > 0) return Enumerable.Range(0, count).ToArray();
        var rows = new int[count];
        for (int i = 0, j = 0; i < keep.Length; i++) if (keep[i]) rows[j++] = i;
        if (rows.Length > 0) return rows;
        throw DataException.EmptySample(_frame.Source, afterIf == 0
            ? "the {If} filter keeps no rows"
            : "every row has a missing value in " + string.Join(", ", _drops.Where(d => d.Count > 0).Select(d => d.Label)));
    }

    private void CheckWeights(double[] weights, int[] rows)
    {
        foreach (int row in rows)
            if (weights[row] <= 0)
                throw DataException.NonPositiveWeight(_frame.Source, _request.Weights!, row + 1, ExpressionEvaluator.Format(weights[row]));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Exclude(bool[] keep, bool[] excluded, int kept, List<Note> notes)
    {
        int count = 0;
        for (int i = 0; i < keep.Length; i++)
            if (keep[i] && excluded[i]) { keep[i] = false; count++; }
        notes.Add(new Note(NoteKind.Sample, "excluded", $"{Rows(count).Replace("row", "observation", StringComparison.Ordinal)} excluded: {_request.ExclusionReason ?? "excluded by the caller"}"));
        return kept - count;
    }

    private static int Count(bool[] keep) => keep.AsSpan().Count(true);

    private static string Rows(int count) => $"{count} {(count == 1 ? "row" : "rows")}";
}
