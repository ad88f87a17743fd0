using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Formula;
using Panelwise.Results;
using Panelwise.Models;
using Panelwise.Inference;

namespace Panelwise.Methods.Mediation;

/// <summary>The formulas of the Baron-Kenny equations and their fits on one frame: total (Y ~ X), a_j (M_j ~ X),
/// each mediator's outcome equation (Y ~ X + M_j) and the joint one (Y ~ X + M_1 + … + M_k), all with the same
/// controls and absorbed effects. X is always the first regressor and M_j the second (joint: 1+j), so coefficients
/// are found by position in the parsed formula, whatever the canonical spelling of the expressions.</summary>
internal sealed class MediationEquations
{
    private readonly MediationSpec _spec;
    private readonly string _tail;

    public MediationEquations(MediationSpec spec, string? fixedEffects)
    {
        _spec = spec;
        _tail = (string.IsNullOrWhiteSpace(spec.Controls) ? "" : " + " + spec.Controls)
                + (string.IsNullOrWhiteSpace(fixedEffects) ? "" : " | " + fixedEffects);
        Validate();
    }

    public int MediatorCount => _spec.Mediators.Count;

    public ModelSpec Total => Parse(_spec.Outcome, [_spec.Treatment]);
    public ModelSpec A(int j) => Parse(_spec.Mediators[j], [_spec.Treatment]);
    public ModelSpec Outcome(int j) => Parse(_spec.Outcome, [_spec.Treatment, _spec.Mediators[j]]);
    public ModelSpec Joint => Parse(_spec.Outcome, [_spec.Treatment, .. _spec.Mediators]);

    /// <summary>The row of regressor number <paramref name="position"/> of <paramref name="model"/>, or null when it was dropped.</summary>
    public static CoefficientRow? Row(RegressionResult result, ModelSpec model, int position) => result[model.Regressors[position].Name];

    /// <summary>Fits <paramref name="model"/> on <paramref name="frame"/>.</summary>
    public static RegressionResult Fit(Frame frame, ModelSpec model, FitOptions options) => Regression.FitWithRows(frame, model, options).Result;

    private ModelSpec Parse(string response, IEnumerable<string> regressors)
    {
        var variants = FormulaParser.Parse($"{response} ~ {string.Join(" + ", regressors)}{_tail}").Expand();
        if (variants.Count != 1) throw new UserInputException("mediate takes no csw()/sw() in {Controls} or {MediationFixedEffects}.");
        return variants[0];
    }

    /// <summary>A mediator equal to X or Y, X equal to Y, a repeated mediator, or X/M among the controls make the
    /// equations meaningless (a collinear or tautological fit): refuse them with a message naming the clash.</summary>
    private void Validate()
    {
        if (_spec.Mediators.Count == 0) throw new UserInputException("mediate needs at least one mediator ({Mediators}).");
        var joint = Joint;
        string y = joint.Response.Name, x = joint.Regressors[0].Name;
        if (x == y) throw new UserInputException($"The treatment and the outcome are the same ({x}).");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int j = 0; j < _spec.Mediators.Count; j++)
        {
            string m = joint.Regressors[1 + j].Name;
            if (m == x) throw new UserInputException($"The mediator {m} is the treatment itself: a mediator must be a different variable.");
            if (m == y) throw new UserInputException($"The mediator {m} is the outcome itself.");
            if (!seen.Add(m)) throw new UserInputException($"The mediator {m} is given twice.");
        }
        foreach (var control in joint.Regressors.Skip(1 + _spec.Mediators.Count))
            if (control.Name == x || seen.Contains(control.Name) || control.Name == y)
                throw new UserInputException($"{control.Name} is among the controls and is also the treatment, a mediator or the outcome.");
    }
}
