using System.Globalization;
using System.Text.RegularExpressions;
using Panelwise.Estimation;

namespace Panelwise.Render.Tables;

/// <summary>Which row of a regression table a term goes to. A term named in
/// <see cref="RegressionTableOptions.Rename"/> goes to that row (esttab's <c>rename()</c>, etable's <c>dict</c>);
/// otherwise, with <see cref="RegressionTableOptions.MergeTransformed"/>, a term that is a variable under a
/// transformation that keeps its meaning — <c>winsor(x, p)</c>, <c>trim(x, p)</c>, <c>l(x, k)</c> — shares the row of
/// <c>x</c> (and its label), the transformation going to a note — unless the term has a label of its own, or is a lag
/// of its column's dependent variable (a dynamic panel's y_{t-1} is another regressor, not y). Two terms of one column on one row: an explicit
/// rename is an error naming both; default merges are then undone (e.g. <c>x + l(x, 1)</c> keeps two rows).</summary>
public static partial class RowIdentity
{
    /// <summary>The transformation a term applies to a variable: "winsor", "trim" or "lag", its base variable and
    /// its parameter (p or k); null for any other term.</summary>
    public static (string Function, string Variable, double Parameter)? Transformation(string term)
    {
        var m = TransformPattern().Match(term);
        if (!m.Success) return null;
        string function = m.Groups[1].Value == "l" ? "lag" : m.Groups[1].Value;
        double parameter = m.Groups[3].Success && double.TryParse(m.Groups[3].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 1;
        return (function, m.Groups[2].Value, parameter);
    }

    /// <summary>The row name of every term, per column (terms in their column order), after renames and merges.</summary>
    /// <param name="columns">Each column's terms (coefficients, or response names for the header).</param>
    /// <param name="options">Its Rename map and MergeTransformed switch.</param>
    /// <param name="responses">Each column's dependent variable, whose lags keep their own row; null = none.</param>
    /// <exception cref="UserInputException">Two terms of one column renamed onto one row.</exception>
    public static IReadOnlyDictionary<string, string> Rows(IReadOnlyList<IReadOnlyList<string>> columns, RegressionTableOptions options,
        IReadOnlyList<string>? responses = null)
    {
        foreach (var c in Collisions(columns, options))
            throw new UserInputException($"Column ({c.Column + 1}): '{c.First}' and '{c.Second}' would share the row '{c.Row}'; a column can show one term per row: rename one of them to another row.") { Term = c.Second };
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var undone = UndoneMerges(columns, options, responses);
        foreach (var term in columns.SelectMany(t => t))
            rows[term] = options.Rename.TryGetValue(term, out var row) ? row
                : !undone.Contains(term) && Merged(term, options) is { } merged ? merged : term;
        return rows;
    }

    /// <summary>Every pair of terms of one column that explicit renames put on one row (0-based column).</summary>
    public static IEnumerable<(int Column, string First, string Second, string Row)> Collisions(IReadOnlyList<IReadOnlyList<string>> columns, RegressionTableOptions options)
    {
        for (int c = 0; c < columns.Count; c++)
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var term in columns[c].Distinct())
            {
                string row = options.Rename.GetValueOrDefault(term, term);
                if (seen.TryGetValue(row, out var first)) yield return (c, first, term, row);
                else seen[row] = term;
            }
        }
    }

    /// <summary>Terms whose default merge would put two terms of one column on one row: they keep their own rows.</summary>
    private static HashSet<string> UndoneMerges(IReadOnlyList<IReadOnlyList<string>> columns, RegressionTableOptions options, IReadOnlyList<string>? responses)
    {
        var undone = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Count; c++)
        {
            var terms = columns[c];
            if (responses is not null && c < responses.Count)
            {
                string y = Transformation(responses[c])?.Variable ?? responses[c];
                undone.UnionWith(terms.Where(t => Transformation(t) is { Function: "lag" } lag && lag.Variable == y));
            }
            var explicitRows = terms.Select(t => options.Rename.GetValueOrDefault(t, t)).ToHashSet(StringComparer.Ordinal);
            foreach (var group in terms.Distinct().Where(t => !options.Rename.ContainsKey(t) && Merged(t, options) is not null).GroupBy(t => Merged(t, options)!))
                if (group.Count() > 1 || explicitRows.Contains(group.Key)) undone.UnionWith(group);
        }
        return undone;
    }

    private static string? Merged(string term, RegressionTableOptions options) =>
        options.MergeTransformed && !options.Labels.ContainsKey(term) && Transformation(term) is { } t && t.Variable != LinearEstimator.InterceptName
            ? t.Variable : null;

    /// <summary>How <paramref name="term"/> transforms its row's variable, in <paramref name="text"/>'s words ("winsorized
    /// at 1%", "滞后1期"); null when it is no known transformation.</summary>
    public static string? Describe(string term, TableText text)
    {
        if (Transformation(term) is not { } t) return null;
        string p = (t.Parameter * 100).ToString("G4", CultureInfo.InvariantCulture);
        return t.Function switch
        {
            "winsor" => string.Format(CultureInfo.InvariantCulture, text.WinsorizedAt, p),
            "trim" => string.Format(CultureInfo.InvariantCulture, text.TrimmedAt, p),
            _ => string.Format(CultureInfo.InvariantCulture, text.LaggedBy, t.Parameter),
        };
    }

    [GeneratedRegex(@"^(winsor|trim|l)\(\s*([^\s,()]+)\s*(?:,\s*([0-9.eE+-]+)\s*)?\)$")]
    private static partial Regex TransformPattern();
}
