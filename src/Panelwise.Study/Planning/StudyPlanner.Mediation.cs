using System.Text.RegularExpressions;
using Panelwise.Estimation;
using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.Methods.Mediation;
using Panelwise.Study.Definition;
using Panelwise.Study.Plan;
using Panelwise.Models;

namespace Panelwise.Study;

public static partial class StudyPlanner
{
    /// <summary>Checks a <c>mediate:</c> block: y, x and m present, every variable of the joint equation
    /// Y ~ X + M + controls | fe known (reported at the line of the entry that names it), the covariance readable.</summary>
    private static PlannedMediation? CheckMediation(StudyDefinition study, Checker check, TableDefinition table, MediationDefinition m)
    {
        var vcov = Word(check, m.Vcov, VcovSpec.Parse) ?? VcovSpec.Iid;
        foreach (var cluster in vcov.ClusterVariables.SelectMany(c => c.Split('^')))
            check.Column(new Located<string>(cluster, m.Vcov!.Line), "the covariance");
        if (m.Outcome is null || m.Treatment is null || m.Mediators.Count == 0) return null;
        var pieces = new List<Located<string>> { m.Outcome, m.Treatment };
        pieces.AddRange(m.Mediators);
        if (m.Controls is { } c) pieces.Add(c);
        if (m.FixedEffects is { } f) pieces.Add(f);
        string joint = $"{m.Outcome.Value} ~ {string.Join(" + ", [m.Treatment.Value, .. m.Mediators.Select(x => x.Value)])}"
                       + (m.Controls is null ? "" : " + " + m.Controls.Value) + (m.FixedEffects is null ? "" : " | " + m.FixedEffects.Value);
        try
        {
            foreach (var spec in FormulaParser.Parse(joint).Expand())
            {
                foreach (var variable in spec.Variables().Order(StringComparer.Ordinal))
                {
                    long line = pieces.FirstOrDefault(p => Regex.IsMatch(p.Value, $@"(?<![\w.]){Regex.Escape(variable)}(?![\w.])"))?.Line ?? m.Line;
                    check.Column(new Located<string>(variable, line), $"the mediate block of table '{table.Name.Value}'");
                }
                check.Terms.UnionWith(spec.Regressors.Select(t => t.Name));
                check.Terms.Add(spec.Response.Name);
            }
        }
        catch (FormulaException ex)
        {
            check.Add(StudyErrors.BadFormula(study.Source, m.Line, table.Name.Value, StudySettings.Message(ex)));
            return null;
        }
        var mediation = new MediationSpec
        {
            Outcome = m.Outcome.Value,
            Treatment = m.Treatment.Value,
            Mediators = m.Mediators.Select(x => x.Value).ToList(),
            Controls = m.Controls?.Value,
            FixedEffects = m.FixedEffects?.Value,
            BootstrapReps = m.Bootstrap,
        };
        if (m.Seed is { } seed) mediation = mediation with { Seed = seed };
        var options = new FitOptions { Panel = study.Panel is var (id, time) ? (id.Value, time.Value) : null, Vcov = vcov };
        return new PlannedMediation(mediation, options);
    }
}
