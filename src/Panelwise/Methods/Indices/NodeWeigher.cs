namespace Panelwise.Methods.Indices;

/// <summary>Weights the children of one node by the node's method and records why a weight looks the way it does.</summary>
internal static class NodeWeigher
{
    /// <summary>A child to weight: its name, its values over the sample, and its fixed weight if any.</summary>
    public sealed record Child(string Name, double[] Values, double? FixedWeight);

    /// <summary>The weights (summing to 1) and, for the entropy method, e_j and d_j.</summary>
    public sealed record Outcome(double[] Weights, double[]? Entropy, double[]? Divergence);

    public static Outcome Weigh(string node, string? origin, WeightingMethod method, IReadOnlyList<Child> children, List<Note> notes)
    {
        int m = children.Count;
        switch (method)
        {
            case WeightingMethod.Equal:
                return new Outcome(Enumerable.Repeat(1.0 / m, m).ToArray(), null, null);
            case WeightingMethod.Fixed:
                var given = children.Select(c => c.FixedWeight ?? 0).ToArray();
                double total = given.Sum();
                if (!(total > 0)) throw SpecificationException.BadWeight(node, total, origin);
                if (Math.Abs(total - 1) > 1e-6)
                    // Twelve significant digits: a sum like 0.169 reads as written, not as its binary neighbour 0.16899999999999998.
                    notes.Add(new Note(NoteKind.Method, "weights_rescaled", $"The fixed weights of '{node}' sum to {total:G12}, not 1: they were divided by it.", [node]));
                return new Outcome(given.Select(w => w / total).ToArray(), null, null);
            case WeightingMethod.Entropy:
                if (children.Any(c => c.Values.Any(v => v < 0))) throw SpecificationException.NeedsNonNegative("the entropy method", node, origin);
                var entropy = Run(node, origin, () => EntropyWeights.Compute(children.Select(c => c.Values).ToList()));
                NoteConstant(node, children, entropy.Constant, notes);
                return new Outcome(entropy.Weights, entropy.Entropy, entropy.Divergence);
            default:
                var critic = Run(node, origin, () => CriticWeights.Compute(children.Select(c => c.Values).ToList()));
                NoteConstant(node, children, critic.Constant, notes);
                return new Outcome(critic.Weights, null, null);
        }
    }

    private static T Run<T>(string node, string? origin, Func<T> compute)
    {
        try { return compute(); }
        catch (UserInputException ex) { throw SpecificationException.WeightingFailed(node, origin, ex.Template); }
    }

    private static void NoteConstant(string node, IReadOnlyList<Child> children, bool[] constant, List<Note> notes)
    {
        for (int j = 0; j < children.Count; j++)
            if (constant[j])
                notes.Add(new Note(NoteKind.Method, "constant_indicator", $"'{children[j].Name}' is constant over the sample, so it carries no information and gets weight 0 in '{node}'.", [children[j].Name]));
    }
}
