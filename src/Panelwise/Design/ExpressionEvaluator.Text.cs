using System.Globalization;
using Panelwise.Data;
using Panelwise.Formula;

namespace Panelwise.Design;

/// <summary>Comparisons involving text: categorical columns with quoted values or with each other,
/// and value-labelled numeric columns with quoted labels.</summary>
internal sealed partial class ExpressionEvaluator
{
    private bool IsTextual(Expr expr) =>
        expr is TextExpr || (expr is ColumnExpr column && ColumnOf(column) is CategoricalColumn);

    private double[] TextComparison(BinaryExpr binary)
    {
        if (binary.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual))
            throw _fail(binary, $"text can only be compared with == or !=, not {binary.Symbol}");
        bool equal = binary.Operator == BinaryOperator.Equal;
        var (left, right) = binary.Left is TextExpr && binary.Right is not TextExpr
            ? (binary.Right, binary.Left) : (binary.Left, binary.Right);
        if (left is TextExpr a && right is TextExpr b) return Filled((a.Value == b.Value) == equal ? 1 : 0);
        if (left is ColumnExpr column && ColumnOf(column) is var col)
        {
            if (col is CategoricalColumn text && right is TextExpr literal)
                return CodeEquals(text.Codes, Array.IndexOf(text.Levels, literal.Value), equal);
            if (col is CategoricalColumn first && right is ColumnExpr other && ColumnOf(other) is CategoricalColumn second)
                return CodesMatch(first, second, equal);
            if (col is NumericColumn labelled && right is TextExpr label)
                return LabelEquals(binary, column, labelled, label, equal);
            var textual = col is CategoricalColumn ? column : (ColumnExpr)right;
            throw _fail(binary, $"cannot compare text column '{textual.Name}' with a number: quote the value, " +
                                $"e.g. {textual} == \"{FirstLevel(textual)}\"");
        }
        throw _fail(binary, $"cannot compare {(left is TextExpr ? left : right)} with a number");
    }

    private string FirstLevel(ColumnExpr column) =>
        ColumnOf(column) is CategoricalColumn { Levels.Length: > 0 } c ? c.Levels[0] : "a";

    private double[] CodeEquals(int[] codes, int target, bool equal)
    {
        var r = new double[_n];
        for (int i = 0; i < _n; i++) r[i] = codes[i] < 0 ? double.NaN : (codes[i] == target) == equal ? 1 : 0;
        return r;
    }

    private double[] CodesMatch(CategoricalColumn first, CategoricalColumn second, bool equal)
    {
        // Translate the second column's codes into the first's level numbering once, then compare ints.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int l = 0; l < first.Levels.Length; l++) index.TryAdd(first.Levels[l], l);
        var map = new int[second.Levels.Length];
        for (int l = 0; l < map.Length; l++) map[l] = index.TryGetValue(second.Levels[l], out int c) ? c : -2;
        var r = new double[_n];
        for (int i = 0; i < _n; i++)
        {
            int a = first.Codes[i], b = second.Codes[i];
            r[i] = a < 0 || b < 0 ? double.NaN : (a == map[b]) == equal ? 1 : 0;
        }
        return r;
    }

    private double[] LabelEquals(BinaryExpr binary, ColumnExpr column, NumericColumn numeric, TextExpr label, bool equal)
    {
        if (numeric.ValueLabels is null)
            throw _fail(binary, $"cannot compare numeric column '{column.Name}' with text {label}: compare it with a number");
        double target = double.NaN;
        foreach (var (value, text) in numeric.ValueLabels)
            if (text == label.Value) { target = value; break; }
        var x = numeric.Values;
        var r = new double[_n];
        for (int i = 0; i < _n; i++) r[i] = double.IsNaN(x[i]) ? double.NaN : (x[i] == target) == equal ? 1 : 0;
        return r;
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
