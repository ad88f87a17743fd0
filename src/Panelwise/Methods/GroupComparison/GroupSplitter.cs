using System.Globalization;
using System.Text.RegularExpressions;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Formula;
using Panelwise.Numerics;

namespace Panelwise.Methods.GroupComparison;

/// <summary>Turns <see cref="ComparisonSpec.By"/> into a group code per frame row (-1 = in no group) and group labels.</summary>
internal static partial class GroupSplitter
{
    [GeneratedRegex(@"^\s*(top|bottom)\s*(\d+(?:\.\d+)?)\s*\(\s*([^()\s]+)\s*\)\s*$")]
    private static partial Regex QuantileCut();

    public static (int[] Codes, string[] Labels) Split(Frame frame, string by, string? filter, PanelIndex? panel)
    {
        if (QuantileCut().Match(by) is { Success: true } cut) return Quantile(frame, cut, filter, panel);
        if (frame.Find(by.Trim()) is { } column)
        {
            var (codes, levels) = Factorizer.FactorizeWithLevels(column);
            return (codes, levels);
        }
        var expr = ExpressionParser.Parse(by);
        var values = new ExpressionEvaluator(frame, panel, (node, problem) => new ExpressionException(by, node.Position, node.ToString(), problem)).Evaluate(expr);
        var distinct = values.Where(v => !double.IsNaN(v)).Distinct().Order().ToArray();
        bool logical = distinct.All(v => v is 0 or 1);
        string Label(double v) => logical ? (v == 1 ? expr.ToString() : $"!({expr})") : v.ToString("R", CultureInfo.InvariantCulture);
        var index = distinct.Select((v, i) => (v, i)).ToDictionary(t => t.v, t => t.i);
        return (values.Select(v => double.IsNaN(v) ? -1 : index[v]).ToArray(), distinct.Select(Label).ToArray());
    }

    /// <summary>topNN(x): x ≥ its (100-NN)th percentile; bottomNN(x): x ≤ its NNth percentile; percentiles over the
    /// rows passing the filter where x is present (Stata _pctile).</summary>
    private static (int[] Codes, string[] Labels) Quantile(Frame frame, Match cut, string? filter, PanelIndex? panel)
    {
        bool top = cut.Groups[1].Value == "top";
        double share = double.Parse(cut.Groups[2].Value, CultureInfo.InvariantCulture) / 100;
        if (!(share > 0 && share < 1)) throw new UserInputException($"{cut.Value}: the share must lie between 0 and 100.");
        string name = cut.Groups[3].Value;
        var x = frame.Numeric(name).Values;
        var keep = string.IsNullOrWhiteSpace(filter) ? null : RowFilter.Evaluate(frame, filter, out _, panel);
        double q = StataPercentile.Of(x.Where((v, i) => keep is null || keep[i]), top ? 1 - share : share);
        string label = $"{cut.Groups[1].Value}{cut.Groups[2].Value}({name})";
        var codes = x.Select(v => double.IsNaN(v) ? -1 : (top ? v >= q : v <= q) ? 1 : 0).ToArray();
        return (codes, ["rest", label]);
    }
}
