using Panelwise.Data;
using Panelwise.Formula;

namespace Panelwise.Design;

/// <summary>The second pass for winsor()/trim(): their cuts are quantiles over the estimation sample, which is
/// only known once every variable's missing values are dropped. The first pass evaluates the cuts as their operand
/// (same missing pattern), this one re-evaluates the terms that contain a cut with the sample fixed and drops the
/// rows that trim() made missing. All cuts of a model use the same, pre-trim sample.</summary>
internal sealed partial class DesignAssembly
{
    private bool HasCuts => _spec.Terms().Any(term => CutNode(term) is not null);

    private ExpressionEvaluator NewEvaluator(bool[] noteRows, bool[]? cutSample) =>
        new(_frame, _request.Panel, (node, problem) => DataException.CannotEvaluate(_frame.Source, node.ToString(), problem), noteRows)
        {
            DeferCuts = cutSample is null && HasCuts,
            CutSample = cutSample,
        };

    /// <summary>Re-evaluates the terms with cuts on the sample <paramref name="keep"/> and drops trimmed rows from it.</summary>
    private TermValues ApplyCuts(bool[] keep, TermValues response, params List<TermValues>[] termLists)
    {
        var deferred = _evaluator;
        // Domain notes count rows passing --if, as in the first pass, so that repeated notes are recognised as such.
        _evaluator = NewEvaluator(_ifRows, (bool[])keep.Clone());
        response = CutNode(response.Term) is null ? response : Evaluate(response.Term);
        DropMissing(keep, response);
        foreach (var list in termLists)
            for (int t = 0; t < list.Count; t++)
            {
                if (CutNode(list[t].Term) is null) continue;
                list[t] = Evaluate(list[t].Term);
                DropMissing(keep, list[t]);
            }
        foreach (var note in deferred.Notes.Reverse()) if (!_evaluator.Notes.Contains(note)) _evaluator.PrependNote(note);
        return response;
    }

    private static Expr? CutNode(Term term) => term switch
    {
        ExpressionTerm e => CutNode(e.Expression),
        InteractionTerm i => i.Factors.Select(f => CutNode(f.Expression)).FirstOrDefault(n => n is not null),
        FactorTerm { Slope: { } slope } => CutNode(slope.Expression),
        _ => null,
    };

    private static Expr? CutNode(Expr expr) => TailCutExpr.Occurs(expr) ? expr : null;
}
