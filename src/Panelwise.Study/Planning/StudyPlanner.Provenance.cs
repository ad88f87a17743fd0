using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Formula;
using Panelwise.Estimation;
using Panelwise.Methods.Indices;
using Panelwise.Study.Definition;
using Panelwise.Study.Plan;
using Panelwise.Models;

namespace Panelwise.Study;

/// <summary>Provenance: which columns are synthetic and what the tables use of them.</summary>
public static partial class StudyPlanner
{
    /// <summary>The synthetic names of a study: the columns of synthetic sources and of the root list (checked to be
    /// data columns), then, in file order, every variable that reads a synthetic name and every index node with a
    /// synthetic indicator or sub-node. The panel's id and time are identifiers and never synthetic.</summary>
    private static StudyProvenance SyntheticNames(StudyDefinition study, Checker check, Frame? data,
        IReadOnlyList<VariableDefinition> variables, IReadOnlyList<PlannedIndex> indices)
    {
        if (study.Synthetic is null && !study.Data.Any(d => d.Synthetic == true)) return StudyProvenance.Undeclared;
        // Each synthetic name -> the synthetic data columns it comes from (itself for a data column).
        var roots = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, why) in check.SyntheticColumns) origin[column] = why;
        foreach (var name in study.Synthetic ?? [])
        {
            if (data is not null && !data.Contains(name.Value))
                check.Add(StudyErrors.SyntheticUnknown(study.Source, name.Line, name.Value, data.Columns.Select(c => c.Name)));
            else origin.TryAdd(name.Value, "listed in 'synthetic'");
        }
        if (study.Panel is var (id, time)) { origin.Remove(id.Value); origin.Remove(time.Value); }
        foreach (var column in origin.Keys) roots[column] = new SortedSet<string>([column], StringComparer.Ordinal);

        void Derive(string name, IEnumerable<string> inputs)
        {
            var from = inputs.Where(roots.ContainsKey).SelectMany(i => roots[i]).ToList();
            if (from.Count == 0) return;
            roots[name] = new SortedSet<string>(from, StringComparer.Ordinal);
            origin[name] = "from " + string.Join(", ", roots[name]);
        }
        foreach (var variable in variables) Derive(variable.Name.Value, Inputs(variable));
        foreach (var index in indices) DeriveNode(index.Spec.Root, Derive);
        return new StudyProvenance { Declared = true, Synthetic = origin };
    }

    /// <summary>The names a variable reads; an unreadable expression reads nothing (it is reported elsewhere).</summary>
    private static IEnumerable<string> Inputs(VariableDefinition variable)
    {
        if (variable.Classification is { } c) return c.Indicators.Select(i => i.Value);
        if (variable.Kind != VariableDefinition.Expression)
            return variable.By is { } by ? [variable.Source.Value, by.Value] : [variable.Source.Value];
        try { return ExpressionParser.Parse(variable.Source.Value).Columns(); }
        catch (ExpressionException) { return []; }
    }

    private static void DeriveNode(IndexNode node, Action<string, IEnumerable<string>> derive)
    {
        foreach (var child in node.Children) DeriveNode(child, derive);
        derive(node.Name, node.Indicators.Select(i => i.Column).Concat(node.Children.Select(c => c.Name)));
    }

    /// <summary>Splits the variables the tables use into real and synthetic, and gives each table its synthetic ones.</summary>
    private static (StudyProvenance, List<PlannedTable>) TableProvenance(StudyProvenance provenance, List<PlannedTable> tables,
        (string Id, string Time)? panel)
    {
        if (!provenance.Declared) return (provenance, tables);
        var used = new List<string>();
        var result = new List<PlannedTable>();
        foreach (var table in tables)
        {
            var names = Used(table).Where(n => panel is not var (id, time) || (n != id && n != time)).Distinct().ToList();
            used.AddRange(names);
            result.Add(table with { SyntheticVariables = names.Where(provenance.IsSynthetic).ToList() });
        }
        var all = used.Distinct().ToList();
        return (provenance with
        {
            RealUsed = all.Where(n => !provenance.IsSynthetic(n)).ToList(),
            SyntheticUsed = all.Where(provenance.IsSynthetic).ToList(),
        }, result);
    }

    /// <summary>Every column a table reads: formulas (with fixed effects, clusters, weights and filters), matching
    /// covariates, summary variables and filters, mediation equations, comparison groups, every specification of a multiverse.</summary>
    private static IEnumerable<string> Used(PlannedTable table)
    {
        foreach (var fit in table.Fits)
        {
            foreach (var name in Sorted(Regression.RequiredColumns(fit.Formula, fit.Options))) yield return name;
            if (fit.Match is { } match)
                foreach (var name in match.Spec.Covariates.Prepend(match.Spec.Treatment)) yield return name;
        }
        if (table.Summary is { } summary)
        {
            foreach (var name in summary.Variables) yield return name;
            if (summary.If is { } condition) foreach (var name in Sorted(RowFilter.Columns(condition))) yield return name;
        }
        if (table.Mediation is { } m)
        {
            var s = m.Spec;
            string joint = $"{s.Outcome} ~ {string.Join(" + ", s.Mediators.Prepend(s.Treatment))}"
                           + (s.Controls is null ? "" : " + " + s.Controls) + (s.FixedEffects is null ? "" : " | " + s.FixedEffects);
            foreach (var name in Sorted(Regression.RequiredColumns(joint, m.Options))) yield return name;
        }
        if (table.Comparison is { } c)
        {
            foreach (var name in Sorted(Regression.RequiredColumns(c.Formula, c.Options))) yield return name;
            yield return c.By;
        }
        if (table.Multiverse is { } mv)
        {
            var specs = Methods.Multiverse.SpecificationGrid.Build(mv.Spec);
            foreach (var formula in specs.Select(s => s.Formula).Distinct(StringComparer.Ordinal))
                foreach (var name in Sorted(Regression.RequiredColumns(formula, mv.Options))) yield return name;
            foreach (var sample in specs.Select(s => s.Filter).OfType<string>().Distinct(StringComparer.Ordinal))
                foreach (var name in Sorted(RowFilter.Columns(sample))) yield return name;
            foreach (var vcov in mv.Spec.Vcovs.Distinct(StringComparer.Ordinal))
                foreach (var name in Inference.VcovSpec.Parse(vcov).ClusterVariables.SelectMany(v => v.Split('^', StringSplitOptions.TrimEntries))) yield return name;
        }
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal);
}
