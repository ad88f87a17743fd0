namespace Panelwise.Methods.Indices;

/// <summary>The scores, weight rows and notes accumulated while <see cref="IndexBuilder"/> walks the hierarchy.</summary>
internal sealed class BuildState(IndexSpec spec, IReadOnlyDictionary<string, double[]> normalised, List<Note> notes)
{
    private readonly Dictionary<string, List<WeightRow>> _rowsByNode = new(StringComparer.Ordinal);

    public Dictionary<string, double[]> Columns { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int[]> Grades { get; } = new(StringComparer.Ordinal);

    public double[] ScoreHierarchical(IndexNode node)
    {
        var children = node.Indicators.Count > 0
            ? node.Indicators.Select(i => new NodeWeigher.Child(i.Column, normalised[i.Column], i.Weight)).ToList()
            : node.Children.Select(c => new NodeWeigher.Child(c.Name, ScoreHierarchical(c), c.Weight)).ToList();
        var outcome = NodeWeigher.Weigh(node.Name, node.Origin, node.Method, children, notes);
        var values = children.Select(c => c.Values).ToList();
        double[] score = node.Aggregation switch
        {
            Aggregation.Topsis => Topsis.Closeness(RequireSpread(node, values, outcome.Weights), outcome.Weights),
            Aggregation.CouplingCoordination => Couple(node, values, outcome.Weights),
            _ => WeightedSum(values, outcome.Weights),
        };
        Columns[node.Name] = score;
        _rowsByNode[node.Name] = RowsFor(node, outcome, outcome.Weights);
        return score;
    }

    /// <summary>TOPSIS ranks rows by their distance to the best and worst value of each weighted indicator; when every
    /// weighted indicator is constant each row is both the ideal and the anti-ideal and closeness is 0/0 (0.5 for all).
    /// Refused, naming the node, rather than writing a column of 0.5 that looks like a result.</summary>
    private static IReadOnlyList<double[]> RequireSpread(IndexNode node, IReadOnlyList<double[]> values, IReadOnlyList<double> weights)
    {
        for (int j = 0; j < values.Count; j++)
            if (weights[j] != 0 && values[j].Any(v => v != values[j][0])) return values;
        throw new SpecificationException($"TOPSIS for '{node.Name}'{(node.Origin is null ? "" : $" ({node.Origin})")}: every indicator with a non-zero " +
            "weight is constant over the sample, so each row is both the ideal and the anti-ideal and the closeness is 0/0. " +
            "Widen the {If} filter, add an indicator that varies, or use {Aggregation} weighted_sum.");
    }

    public void ScoreFlat()
    {
        var root = spec.Root;
        var indicators = SpecValidator.Indicators(root).ToList();
        var children = indicators.Select(i => new NodeWeigher.Child(i.Column, normalised[i.Column], i.Weight)).ToList();
        var outcome = NodeWeigher.Weigh(root.Name, root.Origin, root.Method, children, notes);
        var weightOf = new Dictionary<string, double>(StringComparer.Ordinal);
        var entropyOf = new Dictionary<string, (double E, double D)>(StringComparer.Ordinal);
        for (int j = 0; j < indicators.Count; j++)
        {
            weightOf[indicators[j].Column] = outcome.Weights[j];
            if (outcome.Entropy is not null) entropyOf[indicators[j].Column] = (outcome.Entropy[j], outcome.Divergence![j]);
        }
        ScoreFlatNode(root, weightOf, entropyOf);
    }

    private double ScoreFlatNode(IndexNode node, Dictionary<string, double> weightOf, Dictionary<string, (double E, double D)> entropyOf)
    {
        var method = spec.Root.Method.Text();
        var rows = new List<WeightRow>();
        int n = normalised.Values.First().Length;
        var score = new double[n];
        double total = 0;
        foreach (var child in node.Children)
        {
            double w = ScoreFlatNode(child, weightOf, entropyOf);
            var childScore = Columns[child.Name];
            for (int i = 0; i < n; i++) score[i] += childScore[i];
            rows.Add(new WeightRow(node.Name, child.Name, child.DisplayName, null, method, null, null, w, w, false));
            total += w;
        }
        foreach (var ind in node.Indicators)
        {
            double w = weightOf[ind.Column];
            var x = normalised[ind.Column];
            for (int i = 0; i < n; i++) score[i] += w * x[i];
            bool hasEntropy = entropyOf.TryGetValue(ind.Column, out var ed);
            rows.Add(new WeightRow(node.Name, ind.Column, ind.Label ?? ind.Column, ind.Direction.Text(), method,
                hasEntropy ? ed.E : null, hasEntropy ? ed.D : null, w, w, true));
            total += w;
        }
        Columns[node.Name] = score;
        _rowsByNode[node.Name] = rows;
        return total;
    }

    /// <summary>The weight rows in the order papers print them: each node's children, then its sub-nodes' rows,
    /// with global weights (products along the path) filled in for the hierarchical scope.</summary>
    public IReadOnlyList<WeightRow> OrderedRows()
    {
        var result = new List<WeightRow>();
        Emit(spec.Root, 1.0, result);
        return result;
    }

    private void Emit(IndexNode node, double nodeGlobal, List<WeightRow> result)
    {
        var rows = _rowsByNode[node.Name];
        bool flat = spec.Scope == WeightingScope.Flat;
        result.AddRange(flat ? rows : rows.Select(r => r with { GlobalWeight = nodeGlobal * r.Weight }));
        foreach (var child in node.Children)
        {
            var row = rows.First(r => !r.IsIndicator && r.Child == child.Name);
            Emit(child, flat ? row.Weight : nodeGlobal * row.Weight, result);
        }
    }

    private List<WeightRow> RowsFor(IndexNode node, NodeWeigher.Outcome outcome, double[] weights)
    {
        var rows = new List<WeightRow>();
        var method = node.Method.Text();
        for (int j = 0; j < weights.Length; j++)
        {
            double? e = outcome.Entropy?[j], d = outcome.Divergence?[j];
            rows.Add(node.Indicators.Count > 0
                ? new WeightRow(node.Name, node.Indicators[j].Column, node.Indicators[j].Label ?? node.Indicators[j].Column,
                    node.Indicators[j].Direction.Text(), method, e, d, weights[j], double.NaN, true)
                : new WeightRow(node.Name, node.Children[j].Name, node.Children[j].DisplayName, null, method, e, d, weights[j], double.NaN, false));
        }
        return rows;
    }

    private static double[] WeightedSum(IReadOnlyList<double[]> values, double[] weights)
    {
        var score = new double[values[0].Length];
        for (int j = 0; j < values.Count; j++)
            for (int i = 0; i < score.Length; i++) score[i] += weights[j] * values[j][i];
        return score;
    }

    private double[] Couple(IndexNode node, IReadOnlyList<double[]> subsystems, double[] alphas)
    {
        if (subsystems.Any(u => u.Any(v => v < 0 || v > 1))) throw SpecificationException.CouplingRange(node.Name, node.Origin);
        var result = CouplingCoordination.Compute(subsystems, alphas);
        Columns[node.Name + "_c"] = result.Coupling;
        Columns[node.Name + "_t"] = result.Development;
        Grades[node.Name + "_grade"] = result.Coordination
            .Select(d => CouplingCoordination.Bands.ToList().IndexOf(CouplingCoordination.Grade(d)!)).ToArray();
        return result.Coordination;
    }
}
