using System.Globalization;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Methods.Indices;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>Builds the counts of the data-handling report that are not a transform's own: what each <c>if</c>
/// condition keeps and excludes, and each index's rows and the years its indicators cover.</summary>
internal static class DataStepReports
{
    /// <summary>One report per distinct condition of the indices and tables, in order of first use.</summary>
    public static IEnumerable<SampleReport> Samples(StudyPlan plan, Frame frame)
    {
        var users = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        void Use(string? condition, string user)
        {
            if (condition is null) return;
            if (!users.TryGetValue(condition, out var list)) { users[condition] = list = []; order.Add(condition); }
            if (!list.Contains(user)) list.Add(user);
        }
        foreach (var index in plan.Indices) Use(index.If, $"index {index.Spec.Root.Name}");
        foreach (var table in plan.Tables)
        {
            Use(table.Summary?.If, $"table {table.Name}");
            foreach (var fit in table.Fits) Use(fit.Options.If, $"table {table.Name}");
            Use(table.Comparison?.Options.If, $"table {table.Name}");
        }
        foreach (var condition in order) yield return Sample(plan, frame, condition, users[condition]);
    }

    private static SampleReport Sample(StudyPlan plan, Frame frame, string condition, IReadOnlyList<string> usedBy)
    {
        var keep = RowFilter.Evaluate(frame, condition);
        int kept = keep.Count(k => k);
        double? first = null, last = null;
        if (plan.Panel is not var (id, time)) return new SampleReport(condition, usedBy, frame.RowCount, kept, 0, [], null, null);
        var t = frame.Numeric(time).Values;
        var units = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        for (int i = 0; i < keep.Length; i++)
        {
            string unit = Text(frame[id], i);
            units[unit] = units.GetValueOrDefault(unit) || keep[i];
            if (!keep[i] || double.IsNaN(t[i])) continue;
            first = first is null ? t[i] : Math.Min(first.Value, t[i]);
            last = last is null ? t[i] : Math.Max(last.Value, t[i]);
        }
        var excluded = units.Where(u => !u.Value).Select(u => u.Key).ToList();
        return new SampleReport(condition, usedBy, frame.RowCount, kept, units.Count - excluded.Count, excluded, first, last);
    }

    /// <summary>The index's rows, and for each indicator its first and last time with data in the whole frame.</summary>
    public static IndexReport Index(StudyPlan plan, Frame before, PlannedIndex index, bool[]? sample, IndexResult result)
    {
        var time = plan.Panel is var (_, t) ? before.Numeric(t).Values : null;
        var coverage = new List<IndicatorCoverage>();
        foreach (var column in Indicators(index.Spec.Root))
        {
            var x = before.Numeric(column).Values;
            double? first = null, last = null;
            int missing = 0;
            for (int i = 0; i < x.Length; i++)
            {
                bool inSample = sample is null || sample[i];
                if (double.IsNaN(x[i])) { if (inSample) missing++; continue; }
                if (time is null || double.IsNaN(time[i])) continue;
                first = first is null ? time[i] : Math.Min(first.Value, time[i]);
                last = last is null ? time[i] : Math.Max(last.Value, time[i]);
            }
            coverage.Add(new IndicatorCoverage(column, first, last, missing));
        }
        int rows = sample?.Count(s => s) ?? before.RowCount;
        return new IndexReport(index.Spec.Root.Name, index.If, rows, before.RowCount - rows, coverage, result.Weights);
    }

    private static IEnumerable<string> Indicators(IndexNode node) =>
        node.Indicators.Select(i => i.Column).Concat(node.Children.SelectMany(Indicators));

    private static string Text(Column column, int row) => column switch
    {
        CategoricalColumn c => c.ValueAt(row) ?? "(missing)",
        NumericColumn n => n.Values[row].ToString("R", CultureInfo.InvariantCulture),
        _ => "",
    };
}
