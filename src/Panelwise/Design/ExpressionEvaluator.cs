using Panelwise.Data;
using Panelwise.Formula;

namespace Panelwise.Design;

/// <summary>Evaluates an <see cref="Expr"/> column-wise over every row of a frame. Missing is NaN and
/// propagates; non-finite arithmetic results (x/0, overflow) are missing too, as in Stata. Logical results
/// are 1/0, with Kleene rules for missing: a comparison with a missing operand is missing, <c>!</c> keeps it
/// missing, <c>false &amp; missing</c> is false and <c>true | missing</c> is true. Whole frames are evaluated
/// (not just the sample) because lags reach rows outside the sample, as Stata's L. does.</summary>
internal sealed partial class ExpressionEvaluator
{
    private readonly Frame _frame;
    private readonly PanelIndex? _panel;
    private readonly Func<Expr, string, Exception> _fail;
    private readonly bool[]? _noteRows;
    private readonly Dictionary<int, int[]> _lags = [];
    private readonly List<string> _notes = [];
    private readonly int _n;

    /// <param name="frame">The data.</param>
    /// <param name="panel">Needed for l/f/d.</param>
    /// <param name="fail">Builds the exception for a problem at a node (filters point a caret at it).</param>
    /// <param name="noteRows">Rows counted in domain notes such as "log(x) is missing for 3 rows"; null = all.</param>
    public ExpressionEvaluator(Frame frame, PanelIndex? panel, Func<Expr, string, Exception> fail, bool[]? noteRows = null)
    {
        _frame = frame;
        _panel = panel;
        _fail = fail;
        _noteRows = noteRows;
        _n = frame.RowCount;
    }

    /// <summary>Notes on values that became missing (log of non-positive numbers, division by zero).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Puts a note from an earlier pass over the same data first, keeping the order notes were raised in.</summary>
    internal void PrependNote(string note) => _notes.Insert(0, note);

    /// <summary>The values for every row. The array may be a column's own storage: never write to it.</summary>
    public double[] Evaluate(Expr expr) => expr switch
    {
        NumberExpr number => Filled(number.Value),
        ColumnExpr column => NumericColumnValues(column),
        TextExpr text => throw _fail(text, $"text {text} can only be compared with == or != to a text column"),
        UnaryExpr unary => Unary(unary),
        BinaryExpr binary => Binary(binary),
        CallExpr call => Call(call),
        TailCutExpr cut => TailCut(cut),
        LagExpr lag => Shift(lag, lag.Operand, lag.Lag, difference: false),
        DiffExpr diff => Shift(diff, diff.Operand, diff.Lag, difference: true),
        _ => throw _fail(expr, $"cannot evaluate {expr}"),
    };

    private Column ColumnOf(ColumnExpr column) =>
        _frame.Find(column.Name)
        ?? throw _fail(column, $"unknown column '{column.Name}'.{NameMatcher.Hint(column.Name, _frame.Columns.Select(c => c.Name))}");

    private double[] NumericColumnValues(ColumnExpr column) => ColumnOf(column) switch
    {
        NumericColumn numeric => numeric.Values,
        CategoricalColumn text => throw _fail(column, $"column '{column.Name}' holds text: use i({column}), a fixed effect, " +
                                                      $"or compare it with a quoted value such as {column} == \"{(text.Levels.Length > 0 ? text.Levels[0] : "a")}\""),
        _ => throw _fail(column, $"column '{column.Name}' has an unsupported type"),
    };

    private double[] Unary(UnaryExpr unary)
    {
        var x = Evaluate(unary.Operand);
        var r = new double[_n];
        if (unary.Operator == UnaryOperator.Negate)
            for (int i = 0; i < _n; i++) r[i] = -x[i];
        else
            for (int i = 0; i < _n; i++) r[i] = double.IsNaN(x[i]) ? double.NaN : x[i] == 0 ? 1 : 0;
        return r;
    }

    /// <summary>A chain such as <c>a + b + ...</c> or <c>a | b | ...</c> nests to the left as deep as it is long, so the
    /// left operands are walked iteratively, bottom up; right operands recurse, bounded by
    /// <see cref="ExpressionParser.MaxNesting"/>.</summary>
    private double[] Binary(BinaryExpr binary)
    {
        var spine = new List<BinaryExpr>();
        Expr bottom = binary;
        for (; bottom is BinaryExpr node && !IsTextComparison(node); bottom = node.Left) spine.Add(node);
        var value = bottom is BinaryExpr text ? TextComparison(text) : Evaluate(bottom);
        for (int i = spine.Count - 1; i >= 0; i--) value = Apply(spine[i], value, Evaluate(spine[i].Right));
        return value;
    }

    private bool IsTextComparison(BinaryExpr binary) => IsTextual(binary.Left) || IsTextual(binary.Right);

    private double[] Apply(BinaryExpr binary, double[] a, double[] b)
    {
        var r = new double[_n];
        switch (binary.Operator)
        {
            case BinaryOperator.Add: for (int i = 0; i < _n; i++) r[i] = Finite(a[i] + b[i]); break;
            case BinaryOperator.Subtract: for (int i = 0; i < _n; i++) r[i] = Finite(a[i] - b[i]); break;
            case BinaryOperator.Multiply: for (int i = 0; i < _n; i++) r[i] = Finite(a[i] * b[i]); break;
            case BinaryOperator.Divide:
                for (int i = 0; i < _n; i++) r[i] = b[i] == 0 ? double.NaN : Finite(a[i] / b[i]);
                Note(binary, a, b, r, $"{binary.Right} == 0");
                break;
            case BinaryOperator.Power:
                for (int i = 0; i < _n; i++) r[i] = Finite(Math.Pow(a[i], b[i]));
                Note(binary, a, b, r, "it is undefined");
                break;
            case BinaryOperator.And:
                for (int i = 0; i < _n; i++)
                    r[i] = a[i] == 0 || b[i] == 0 ? 0 : double.IsNaN(a[i]) || double.IsNaN(b[i]) ? double.NaN : 1;
                break;
            case BinaryOperator.Or:
                for (int i = 0; i < _n; i++)
                    r[i] = IsTrue(a[i]) || IsTrue(b[i]) ? 1 : double.IsNaN(a[i]) || double.IsNaN(b[i]) ? double.NaN : 0;
                break;
            default:
                var op = binary.Operator;
                for (int i = 0; i < _n; i++)
                    r[i] = double.IsNaN(a[i]) || double.IsNaN(b[i]) ? double.NaN : Compare(op, a[i], b[i]) ? 1 : 0;
                break;
        }
        return r;
    }

    private static bool Compare(BinaryOperator op, double a, double b) => op switch
    {
        BinaryOperator.Equal => a == b,
        BinaryOperator.NotEqual => a != b,
        BinaryOperator.Less => a < b,
        BinaryOperator.LessOrEqual => a <= b,
        BinaryOperator.Greater => a > b,
        _ => a >= b,
    };

    private double[] Call(CallExpr call)
    {
        if (call.Function == "missing") return Missing(call.Argument);
        var x = Evaluate(call.Argument);
        var r = new double[_n];
        switch (call.Function)
        {
            case "log":
                for (int i = 0; i < _n; i++) r[i] = x[i] > 0 ? Math.Log(x[i]) : double.NaN;
                Note(call, x, x, r, $"{call.Argument} <= 0");
                break;
            case "sqrt":
                for (int i = 0; i < _n; i++) r[i] = x[i] >= 0 ? Math.Sqrt(x[i]) : double.NaN;
                Note(call, x, x, r, $"{call.Argument} < 0");
                break;
            case "exp":
                for (int i = 0; i < _n; i++) r[i] = Finite(Math.Exp(x[i]));
                Note(call, x, x, r, "it overflows");
                break;
            case "abs":
                for (int i = 0; i < _n; i++) r[i] = Math.Abs(x[i]);
                break;
            default:
                throw _fail(call, $"unknown function '{call.Function}'");
        }
        return r;
    }

    private double[] Missing(Expr argument)
    {
        var r = new double[_n];
        if (argument is ColumnExpr column && ColumnOf(column) is CategoricalColumn text)
        {
            for (int i = 0; i < _n; i++) r[i] = text.Codes[i] < 0 ? 1 : 0;
            return r;
        }
        var x = Evaluate(argument);
        for (int i = 0; i < _n; i++) r[i] = double.IsNaN(x[i]) ? 1 : 0;
        return r;
    }

    private double[] Shift(Expr node, Expr operand, int k, bool difference)
    {
        if (_panel is null) throw _fail(node, $"{node} needs the panel: pass {{Panel}} id,time");
        var x = Evaluate(operand);
        if (!_lags.TryGetValue(k, out var rows)) _lags[k] = rows = _panel.LagRow(k);
        var r = new double[_n];
        for (int i = 0; i < _n; i++)
        {
            double lagged = rows[i] < 0 ? double.NaN : x[rows[i]];
            r[i] = difference ? x[i] - lagged : lagged;
        }
        return r;
    }

    /// <summary>Adds "node is missing for k rows where reason" when the operation turned present inputs into missing.</summary>
    private void Note(Expr node, double[] a, double[] b, double[] result, string reason)
    {
        int count = 0;
        for (int i = 0; i < _n; i++)
            if (double.IsNaN(result[i]) && !double.IsNaN(a[i]) && !double.IsNaN(b[i]) && (_noteRows is null || _noteRows[i]))
                count++;
        if (count == 0) return;
        string note = $"{node} is missing for {count} {(count == 1 ? "row" : "rows")} where {reason}";
        if (!_notes.Contains(note)) _notes.Add(note);
    }

    private static bool IsTrue(double v) => !double.IsNaN(v) && v != 0;

    private static double Finite(double v) => double.IsFinite(v) ? v : double.NaN;

    private double[] Filled(double value)
    {
        var r = new double[_n];
        Array.Fill(r, value);
        return r;
    }
}
