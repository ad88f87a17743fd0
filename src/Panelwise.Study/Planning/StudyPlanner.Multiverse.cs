using System.Text.RegularExpressions;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Methods.Multiverse;
using Panelwise.Models;
using Panelwise.Study.Definition;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

public static partial class StudyPlanner
{
    /// <summary>Most specifications a <c>multiverse:</c> block may fit (after exclusions): beyond it the curve is a
    /// smear of points, the table of specifications unreadable and the joint test's cost (draws x fits) out of hand.</summary>
    public const int MaxMultiverseSpecifications = 10_000;

    /// <summary>Checks a <c>multiverse:</c> block before anything is fitted: every dimension given is non-empty; a term
    /// of y, x, controls or fe written as a label (<c>labels:</c>) is read as the name it labels; each choice is plain
    /// terms; every formula readable and its variables known (reported at the line of the choice naming them); every
    /// covariance and sample readable; each exclusion and the baseline naming offered choices (at its own line); the
    /// exclusions leaving a specification, the baseline among them; at most <see cref="MaxMultiverseSpecifications"/>.</summary>
    private static PlannedMultiverse? CheckMultiverse(StudyDefinition study, Checker check, TableDefinition table, MultiverseDefinition m)
    {
        var names = NamesOfLabels(study, check);
        int problems = check.Problems.Count;
        var outcomes = Dimension(check, m.Outcomes, "y", names);
        var focal = Dimension(check, m.FocalTerms, "x", names);
        var instruments = Dimension(check, m.Instruments, "iv", names);
        var controls = Dimension(check, m.Controls, "controls", names);
        var fixedEffects = Dimension(check, m.FixedEffects, "fe", names);
        var vcovs = Dimension(check, m.Vcovs, "vcov", null);
        var samples = Dimension(check, m.Samples, "sample", null);
        foreach (var v in vcovs ?? [])
            foreach (var cluster in Word(check, v, VcovSpec.Parse)?.ClusterVariables.SelectMany(c => c.Split('^')) ?? [])
                check.Column(new Located<string>(cluster.Trim(), v.Line), "the covariance");
        foreach (var sample in (samples ?? []).Where(s => !Specification.IsEmpty(s.Value))) check.Filter(sample);
        if (outcomes is null || focal is null || check.Problems.Count > problems) return null;
        var spec = new MultiverseSpec
        {
            Outcomes = Values(outcomes),
            FocalTerms = Values(focal),
            Instruments = instruments is null ? [MultiverseSpec.None] : Values(instruments),
            ControlSets = controls is null ? [MultiverseSpec.None] : Values(controls),
            FixedEffectSets = fixedEffects is null ? [MultiverseSpec.None] : Values(fixedEffects),
            Vcovs = vcovs is null ? ["iid"] : Values(vcovs),
            Samples = samples is null ? [MultiverseSpec.All] : Values(samples),
            Exclusions = m.Exclude.Select(e => ResolveClauses(e.Value, names)).ToList(),
            Baseline = m.Baseline is { } b ? ResolveClauses(b.Value, names) : null,
            JointDraws = m.Joint,
        };
        if (m.Seed is { } seed) spec = spec with { Seed = seed };
        if (Specifications(study, check, table, m, spec) is not { } specs) return null;
        var pieces = outcomes.Concat(focal).Concat(instruments ?? []).Concat(controls ?? []).Concat(fixedEffects ?? []).ToList();
        foreach (string formula in specs.Select(s => s.Formula).Distinct(StringComparer.Ordinal))
            if (!CheckSpecificationFormula(study, check, table, m, formula, pieces)) return null;
        var options = new FitOptions { Panel = study.Panel is var (id, time) ? (id.Value, time.Value) : null };
        return new PlannedMultiverse(spec, options, study.Source, m.Line);
    }

    /// <summary>A dimension's choices, labels resolved in term dimensions (<paramref name="names"/> not null); null
    /// when the key is absent or its choices are empty or blank (reported) or not plain terms (reported).</summary>
    private static List<Located<string>>? Dimension(Checker check, Located<IReadOnlyList<Located<string>>>? dimension, string key,
        IReadOnlyDictionary<string, string>? names)
    {
        if (dimension is null) return null;
        if (dimension.Value.Count == 0 || dimension.Value.Any(c => string.IsNullOrWhiteSpace(c.Value)))
        {
            check.Add(StudyErrors.EmptyDimension(check.Source, dimension.Line, key));
            return null;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var choice in dimension.Value.Where(c => !seen.Add(ChoiceCondition.Normalise(c.Value))))
        {
            check.Add(StudyErrors.DuplicateChoice(check.Source, choice.Line, key, choice.Value));
            return null;
        }
        if (names is null) return [.. dimension.Value];
        bool plain = true;
        foreach (var choice in dimension.Value.Where(c => !PlainTerms(c.Value)))
        {
            check.Add(StudyErrors.MultiverseChoiceShape(check.Source, choice.Line, key, choice.Value));
            plain = false;
        }
        return plain ? [.. dimension.Value.Select(c => c with { Value = ResolveTerms(c.Value, names) })] : null;
    }

    /// <summary>No formula parts (<c>~</c>, <c>|</c>) and no variants (<c>csw()</c>, <c>sw()</c>, <c>csw0()</c>, <c>sw0()</c>).</summary>
    private static bool PlainTerms(string choice) =>
        choice.IndexOfAny(['~', '|']) < 0 && !Regex.IsMatch(choice, @"(?<![\w.])c?sw0?\s*\(");

    /// <summary>The specifications, or null with the problem at its line: an exclusion or the baseline naming no offered
    /// choice, exclusions that leave nothing, a baseline excluded, more than <see cref="MaxMultiverseSpecifications"/>.</summary>
    private static IReadOnlyList<Specification>? Specifications(StudyDefinition study, Checker check, TableDefinition table,
        MultiverseDefinition m, MultiverseSpec spec)
    {
        bool readable = true;
        for (int e = 0; e < spec.Exclusions.Count; e++)
            readable &= Condition(check, m.Exclude[e].Line, spec.Exclusions[e], spec, Setting.MultiverseExclusions);
        if (spec.Baseline is { } baseline) readable &= Condition(check, m.Baseline!.Line, baseline, spec, Setting.MultiverseBaseline);
        if (!readable) return null;
        var sizes = spec.Used().Select(d => spec.Choices(d).Count).ToList();
        long product = sizes.Aggregate(1L, (p, n) => p * n);
        string described = string.Join(" x ", sizes);
        // Enumerating a product far beyond the limit only to count what the exclusions leave would take long.
        if (product > 100L * MaxMultiverseSpecifications)
        {
            check.Add(StudyErrors.TooManySpecifications(study.Source, m.Line, table.Name.Value, product, described,
                spec.Exclusions.Count > 0 ? ", before exclusions" : "", MaxMultiverseSpecifications));
            return null;
        }
        try
        {
            var specs = SpecificationGrid.Build(spec);
            if (specs.Count > MaxMultiverseSpecifications)
            {
                check.Add(StudyErrors.TooManySpecifications(study.Source, m.Line, table.Name.Value, specs.Count, described,
                    spec.Exclusions.Count > 0 ? ", after exclusions" : "", MaxMultiverseSpecifications));
                return null;
            }
            SpecificationGrid.Baseline(spec, specs);
            return specs;
        }
        catch (UserInputException ex)
        {
            long line = ex.Template.Contains("{MultiverseBaseline}", StringComparison.Ordinal) ? m.Baseline?.Line ?? m.Line : m.Exclude.FirstOrDefault()?.Line ?? m.Line;
            check.Add(StudyErrors.BadOption(study.Source, line, StudySettings.Message(ex)));
            return null;
        }
    }

    private static bool Condition(Checker check, long line, string condition, MultiverseSpec spec, Setting setting)
    {
        try
        {
            ChoiceCondition.Parse(condition, spec, setting);
            return true;
        }
        catch (UserInputException ex)
        {
            check.Add(StudyErrors.BadOption(check.Source, line, StudySettings.Message(ex)));
            return false;
        }
    }

    /// <summary>One specification's formula: readable, one model without an IV part, its variables known (each reported
    /// at the line of the first choice naming it); its terms become names a label may give.</summary>
    private static bool CheckSpecificationFormula(StudyDefinition study, Checker check, TableDefinition table, MultiverseDefinition m,
        string formula, IReadOnlyList<Located<string>> pieces)
    {
        string where = $"the multiverse block of table '{table.Name.Value}'";
        try
        {
            foreach (var variant in FormulaParser.Parse(formula).Expand())
            {
                foreach (var variable in variant.Variables().Order(StringComparer.Ordinal))
                {
                    long line = pieces.FirstOrDefault(p => Regex.IsMatch(p.Value, $@"(?<![\w.]){Regex.Escape(variable)}(?![\w.])"))?.Line ?? m.Line;
                    check.Column(new Located<string>(variable, line), where);
                }
                check.Terms.UnionWith(variant.Regressors.Select(t => t.Name));
                check.Terms.UnionWith(variant.FixedEffects.Select(f => f.Name));
                check.Terms.Add(variant.Response.Name);
            }
            return true;
        }
        catch (FormulaException ex)
        {
            check.Add(StudyErrors.MultiverseFormula(study.Source, m.Line, table.Name.Value, formula, StudySettings.Message(ex)));
            return false;
        }
    }

    /// <summary>Label -> the name it labels, for labels that are no column or variable themselves and label one name
    /// only, so that a choice may be written as its label (创新链布局重构效能 for erl).</summary>
    private static Dictionary<string, string> NamesOfLabels(StudyDefinition study, Checker check)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in study.Labels.GroupBy(l => l.Label.Trim(), StringComparer.Ordinal))
            if (group.Select(l => l.Name.Value).Distinct(StringComparer.Ordinal).Count() == 1 && check.Known?.Contains(group.Key) != true)
                names[group.Key] = group.First().Name.Value;
        return names;
    }

    /// <summary>A choice of y, x, controls or fe with each term written as a label replaced by its name; unchanged
    /// (as written) when no term is a label.</summary>
    private static string ResolveTerms(string choice, IReadOnlyDictionary<string, string> names)
    {
        var terms = Specification.TermsOf(choice).ToList();
        bool changed = false;
        for (int i = 0; i < terms.Count; i++)
            if (names.TryGetValue(terms[i], out var name)) { terms[i] = name; changed = true; }
        return changed ? string.Join(" + ", terms) : choice;
    }

    /// <summary>A condition <c>dimension = choice &amp; ...</c> with the choices of term dimensions resolved as
    /// <see cref="ResolveTerms"/> does; unchanged when nothing is a label.</summary>
    private static string ResolveClauses(string condition, IReadOnlyDictionary<string, string> names)
    {
        var clauses = ChoiceCondition.Clauses(condition);
        bool changed = false;
        var parts = clauses.Select(c =>
        {
            if (c.Key is null || MultiverseDimensions.Parse(c.Key) is not (MultiverseDimension.Outcome or MultiverseDimension.Focal
                    or MultiverseDimension.Controls or MultiverseDimension.FixedEffects or MultiverseDimension.Instruments)) return c.Key is null ? c.Choice : $"{c.Key} = {c.Choice}";
            string resolved = ResolveTerms(c.Choice, names);
            changed |= resolved != c.Choice;
            return $"{c.Key} = {resolved}";
        }).ToList();
        return changed ? string.Join(" & ", parts) : condition;
    }

    /// <summary>A multiverse table NAME writes NAME-specs.csv and NAME-specs.xlsx: a table named NAME-specs would
    /// overwrite the workbook (or be overwritten).</summary>
    private static void CheckSpecificationFileNames(StudyDefinition study, Checker check)
    {
        var multiverses = study.Tables.Where(t => t.Multiverse is not null).Select(t => t.Name.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var table in study.Tables)
            if (table.Name.Value.EndsWith("-specs", StringComparison.OrdinalIgnoreCase) && multiverses.TryGetValue(table.Name.Value[..^6], out var owner))
                check.Add(StudyErrors.SpecificationFileClash(study.Source, table.Name.Line, table.Name.Value, owner));
    }

    private static List<string> Values(IEnumerable<Located<string>> choices) => choices.Select(c => c.Value).ToList();
}
