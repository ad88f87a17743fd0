using Panelwise.Data;
using Panelwise.Formula;
using Panelwise.IO;
using Panelwise.IO.Specs;
using Panelwise.Methods.Indices;
using Panelwise.Study.Definition;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>Checks a study against its data before anything is estimated: the data file, every variable expression,
/// index spec, formula, covariance, model, filter, control and label. All problems are collected and thrown together
/// as one <see cref="StudyException"/>, each with file, line and a fix. Variables are defined in file order, then the
/// indices; tables may use all of them.</summary>
public static partial class StudyPlanner
{
    public static StudyPlan Plan(StudyDefinition study)
    {
        var check = new Checker(study.Source);
        var (data, dataPaths, dataSteps) = ReadData(study, check);
        var panel = study.Panel is var (id, time) ? CheckPanel(check, id, time) : null;
        var variables = CheckVariables(study, check, data);
        var indices = study.Indices.Select(i => CheckIndex(study, check, i)).OfType<PlannedIndex>().ToList();
        var text = RootText(study, check);
        var tables = CheckTables(study, check, data, text);
        var labels = CheckLabels(study, check);
        var plots = CheckPlots(study, check, data);
        var synthetic = SyntheticNames(study, check, data, variables, indices);
        if (check.Problems.Count > 0) throw new StudyException([.. check.Problems.Distinct(StringComparer.Ordinal)]);
        var (provenance, marked) = TableProvenance(synthetic, tables, panel);
        return new StudyPlan
        {
            Source = study.Source,
            Title = study.Title,
            Data = data!,
            DataPaths = dataPaths,
            DataSteps = dataSteps,
            Panel = panel,
            Variables = variables,
            Indices = indices,
            Labels = labels,
            Text = text,
            Seeds = tables.SelectMany(Seeds).ToList(),
            Tables = marked.Select(t => t with { Layout = t.Layout with { Labels = labels } }).ToList(),
            Plots = plots,
            Provenance = provenance,
        };
    }

    /// <summary>The random seeds a table uses: a bootstrapped mediation, a permutation test, each matched column.</summary>
    private static IEnumerable<long> Seeds(PlannedTable table)
    {
        if (table.Mediation?.Spec is { BootstrapReps: > 0 } m) yield return m.Seed;
        if (table.Comparison is { Test: "permutation" } c) yield return c.Seed;
        if (table.Multiverse?.Spec is { JointDraws: > 0 } mv) yield return mv.Seed;
        foreach (var fit in table.Fits) if (fit.Match is { } match) yield return match.Spec.Seed;
    }

    private static (string, string)? CheckPanel(Checker check, Located<string> id, Located<string> time)
    {
        check.Column(id, "panel");
        check.Column(time, "panel");
        return (id.Value, time.Value);
    }

    private static PlannedIndex? CheckIndex(StudyDefinition study, Checker check, IndexDefinition index)
    {
        IndexSpec spec;
        try
        {
            spec = IndexSpecReader.Read(Path.Combine(study.Directory, index.Spec.Value));
        }
        catch (SpecificationException ex)
        {
            check.Add(StudyErrors.IndexSpec(study.Source, index.Spec.Line, StudySettings.Message(ex)));
            return null;
        }
        foreach (var column in Indicators(spec.Root))
            check.Column(new Located<string>(column, index.Spec.Line), $"index '{spec.Root.Name}'");
        check.Filter(index.If);
        foreach (var name in NodeNames(spec.Root)) check.Define(name);
        return new PlannedIndex(spec, index.If?.Value);
    }

    private static IEnumerable<string> Indicators(IndexNode node) =>
        node.Indicators.Select(i => i.Column).Concat(node.Children.SelectMany(Indicators));

    private static IEnumerable<string> NodeNames(IndexNode node) => node.Children.SelectMany(NodeNames).Prepend(node.Name);

    private static PlannedPlots CheckPlots(StudyDefinition study, Checker check, Frame? data)
    {
        if (study.Plots is not { } plots) return new PlannedPlots([], "");
        // Variables and indices are numeric by construction; data columns read as text cannot be averaged.
        foreach (var variable in plots.Trend)
            if (check.Column(variable, "the trend plot") && data?.Find(variable.Value) is CategoricalColumn)
                check.Add(StudyErrors.NotNumeric(study.Source, variable.Line, variable.Value, "the trend plot"));
        if (plots.Trend.Count > 0 && study.Panel is null) check.Add(StudyErrors.TrendNeedsPanel(study.Source, plots.Line));
        else if (plots.Trend.Count > 0 && study.Panel is var (_, time) && data?.Find(time.Value) is CategoricalColumn)
            check.Add(StudyErrors.NotNumeric(study.Source, time.Line, time.Value, "the trend plot (as the panel's time)"));
        return new PlannedPlots(plots.Trend.Select(v => v.Value).ToList(), plots.TrendTitle);
    }

    private static Dictionary<string, string> CheckLabels(StudyDefinition study, Checker check)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var allowed = new HashSet<string>(check.Known ?? [], StringComparer.Ordinal) { Estimation.LinearEstimator.InterceptName };
        allowed.UnionWith(check.Terms);
        foreach (var (name, label) in study.Labels)
        {
            if (check.Known is not null && !allowed.Contains(name.Value) && Render.Tables.TableText.KeyOf(name.Value) is { } key)
                check.Add(StudyErrors.FixedTextAsLabel(study.Source, name.Line, name.Value, key));
            else if (check.Known is not null && !allowed.Contains(name.Value))
                check.Add(StudyErrors.UnknownLabel(study.Source, name.Line, name.Value, allowed));
            labels[name.Value] = label;
        }
        return labels;
    }
}
