using Panelwise.Data;
using Panelwise.Formula;

namespace Panelwise.Design;

/// <summary>Computes a new column from an expression in the language of <c>--if</c> and <c>I()</c>
/// (<c>log(inv)</c>, <c>value / capital</c>, <c>l(x, 1)</c> with a panel): what a study's <c>variables</c> section
/// and Stata's <c>generate</c> do. Values that cannot be computed are missing, with a note.</summary>
public static class ColumnExpression
{
    /// <summary>The expression's value on every row of <paramref name="frame"/>.</summary>
    /// <exception cref="ExpressionException">Syntax error, unknown column, or text used as a number.</exception>
    public static double[] Evaluate(Frame frame, string expression, PanelIndex? panel, out IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var parsed = ExpressionParser.Parse(expression);
        var evaluator = new ExpressionEvaluator(frame, panel,
            (node, problem) => new ExpressionException(expression, node.Position, node.ToString(), problem));
        // The evaluator may hand back a column's own storage: copy so the new column never aliases its source.
        var values = (double[])evaluator.Evaluate(parsed).Clone();
        notes = evaluator.Notes.ToList();
        return values;
    }
}
