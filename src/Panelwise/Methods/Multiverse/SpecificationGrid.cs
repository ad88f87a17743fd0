namespace Panelwise.Methods.Multiverse;

/// <summary>The specifications of a multiverse: the cartesian product of its dimensions (outcome outermost, sample
/// innermost) less the exclusions, numbered from 1; and the baseline among them.</summary>
public static class SpecificationGrid
{
    /// <summary>Every specification that no exclusion matches.</summary>
    public static IReadOnlyList<Specification> Build(MultiverseSpec multiverse)
    {
        foreach (var d in MultiverseDimensions.All)
            if (multiverse.Choices(d).Count == 0 || multiverse.Choices(d).Any(string.IsNullOrWhiteSpace))
                throw new UserInputException($"The multiverse dimension {d.Key()} has an empty choice; list at least one, "
                    + $"separated by ';' (write '{(d == MultiverseDimension.Sample ? MultiverseSpec.All : MultiverseSpec.None)}' for nothing added).") { Term = d.Key() };
        var exclusions = multiverse.Exclusions.Select(e => ChoiceCondition.Parse(e, multiverse, Setting.MultiverseExclusions)).ToList();
        var specs = new List<Specification>();
        foreach (string y in multiverse.Outcomes)
            foreach (string x in multiverse.FocalTerms)
                foreach (string iv in multiverse.Instruments)
                    foreach (string controls in multiverse.ControlSets)
                        foreach (string fe in multiverse.FixedEffectSets)
                            foreach (string vcov in multiverse.Vcovs)
                                foreach (string sample in multiverse.Samples)
                                {
                                    var spec = new Specification(specs.Count + 1, y.Trim(), x.Trim(), controls.Trim(), fe.Trim(), vcov.Trim(), sample.Trim(), iv.Trim());
                                    if (!exclusions.Any(e => e.Matches(spec))) specs.Add(spec);
                                }
        if (specs.Count == 0)
            throw new UserInputException("The exclusions leave no specification of the multiverse; loosen {MultiverseExclusions}.");
        return specs.Select((s, i) => s with { Number = i + 1 }).ToList();
    }

    /// <summary>The index in <paramref name="specs"/> of the baseline: the specification making the choices the
    /// condition names and the first choice of every other dimension. Excluded baselines are an error.</summary>
    public static int? Baseline(MultiverseSpec multiverse, IReadOnlyList<Specification> specs)
    {
        if (string.IsNullOrWhiteSpace(multiverse.Baseline)) return null;
        var condition = ChoiceCondition.Parse(multiverse.Baseline, multiverse, Setting.MultiverseBaseline);
        string Wanted(MultiverseDimension d) => ChoiceCondition.Normalise(condition.ChoiceOf(d) ?? multiverse.Choices(d)[0]);
        for (int i = 0; i < specs.Count; i++)
            if (MultiverseDimensions.All.All(d => ChoiceCondition.Normalise(specs[i].Choice(d)) == Wanted(d))) return i;
        throw new UserInputException($"{{MultiverseBaseline}}: the baseline '{multiverse.Baseline}' is excluded from the multiverse "
            + "(dimensions it does not name take their first choice); name another or drop the exclusion.") { Term = multiverse.Baseline };
    }
}
