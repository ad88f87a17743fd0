using Panelwise.Data;
using Panelwise.Formula;

namespace Panelwise.Design;

/// <summary>Stata-style <c>--if</c> filters: <c>year &gt;= 2000 &amp; region == 'east' &amp; !missing(x)</c>.
/// Supports arithmetic, comparisons, <c>&amp;</c>, <c>|</c>, <c>!</c>, parentheses, log/exp/sqrt/abs/missing, l/f/d
/// (with a panel), and quoted text compared with categorical (or value-labelled) columns.
/// <para>Missing values: unlike Stata, where missing counts as +infinity (so <c>x &gt; 5</c> keeps missing x),
/// a comparison involving a missing value is missing, and a row is kept only when the whole expression is
/// true. Logic follows Kleene: <c>false &amp; missing</c> is false, <c>true | missing</c> is true, <c>!missing</c>
/// is missing. Use <c>missing(x)</c> to select missing values explicitly.</para></summary>
public static class RowFilter
{
    /// <summary>For every row, true when <paramref name="expression"/> is true (non-zero and not missing).</summary>
    /// <exception cref="ExpressionException">Syntax error, unknown column, or text compared with a number.</exception>
    public static bool[] Evaluate(Frame frame, string expression) => Evaluate(frame, expression, out _);

    /// <summary>As <see cref="Evaluate(Frame, string)"/>; <paramref name="missingCount"/> receives the number of rows
    /// where the expression was missing (and which were therefore dropped). Pass <paramref name="panel"/> to allow l/f/d.</summary>
    public static bool[] Evaluate(Frame frame, string expression, out int missingCount, PanelIndex? panel = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var parsed = ExpressionParser.Parse(expression);
        var evaluator = new ExpressionEvaluator(frame, panel,
            (node, problem) => new ExpressionException(expression, node.Position, node.ToString(), problem));
        var values = evaluator.Evaluate(parsed);
        var keep = new bool[values.Length];
        int missing = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v)) missing++;
            else keep[i] = v != 0;
        }
        missingCount = missing;
        return keep;
    }

    /// <summary>The columns <paramref name="expression"/> reads, so a reader can load only those.</summary>
    public static IReadOnlySet<string> Columns(string expression) => ExpressionParser.Parse(expression).Columns();
}
