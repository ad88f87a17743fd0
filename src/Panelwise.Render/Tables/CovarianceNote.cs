using System.Globalization;
using Panelwise.Inference;

namespace Panelwise.Render.Tables;

/// <summary>The note saying what the parentheses hold, in the table's language, with variable labels: one
/// description when every column shares it, else per group of columns with runs compressed ("(1)-(4) clustered by
/// 行业; (5) heteroskedasticity-robust, HC1").</summary>
internal static class CovarianceNote
{
    public static string For(IReadOnlyList<VcovSpec> specs, RegressionTableOptions options)
    {
        var text = options.Text;
        bool t = options.Bracket == BracketStatistic.TStatistic;
        var kinds = specs.Select(s => Describe(s, options)).ToList();
        if (kinds.Distinct().Count() == 1) return Format(t ? text.TStatisticNote : text.StandardErrorNote, kinds[0]);
        var groups = kinds.Select((k, i) => (k, i)).GroupBy(x => x.k).Select(g => Format(text.ColumnIs, Columns(g.Select(x => x.i), text), g.Key));
        return Format(t ? text.TStatisticByColumn : text.StandardErrorByColumn, string.Join(text.Separator, groups));
    }

    public static string Describe(VcovSpec spec, RegressionTableOptions options)
    {
        var text = options.Text;
        string kind = spec switch
        {
            IidVcovSpec => text.Conventional,
            HeteroskedasticVcovSpec h => Format(text.Robust, h.Type.ToString(CultureInfo.InvariantCulture)),
            ClusterVcovSpec c => Format(text.Clustered, string.Join(text.And, c.Variables.Select(v => Labelled(v, options)))),
            DriscollKraayVcovSpec => text.DriscollKraay,
            NeweyWestVcovSpec => text.NeweyWest,
            _ => spec.ToString() ?? "",
        };
        return spec.Small ? kind : Format(text.LargeSample, kind);
    }

    /// <summary>0-based column indices as "(1)-(3), (5)".</summary>
    public static string Columns(IEnumerable<int> indices, TableText text)
    {
        var sorted = indices.Distinct().Order().ToList();
        var parts = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(j == i ? $"({sorted[i] + 1})" : $"({sorted[i] + 1})-({sorted[j] + 1})");
            i = j + 1;
        }
        return string.Join(text.ListSeparator, parts);
    }

    /// <summary>An interaction of clusters (a^b) labels each part.</summary>
    private static string Labelled(string variable, RegressionTableOptions options) =>
        string.Join("^", variable.Split('^').Select(v => options.Labels.GetValueOrDefault(v, v)));

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}
