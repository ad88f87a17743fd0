namespace Panelwise.Study;

public static partial class StudyChecks
{
    /// <summary>The checks for reading: one line per distinct message, with every column it concerns, so a study of
    /// twelve tables clustered on 30 provinces says "few clusters" once, not sixty times. Order of first appearance.
    /// results.json keeps one entry per column.</summary>
    public static IReadOnlyList<(string Where, string Message)> Grouped(IReadOnlyList<StudyCheck> checks) =>
        [.. checks.GroupBy(c => c.Message, StringComparer.Ordinal)
            .Select(g => (g.Count() == 1 ? g.First().Where : Where(g.ToList()), g.Key))];

    /// <summary>"baseline, columns (1)-(6); mediation, column (3)": per table in order of appearance, its column
    /// numbers with consecutive runs collapsed.</summary>
    private static string Where(IReadOnlyList<StudyCheck> checks) =>
        string.Join("; ", checks.GroupBy(c => c.Table, StringComparer.Ordinal).Select(table =>
        {
            var columns = table.Select(c => c.Column).Where(c => c > 0).Distinct().Order().ToList();
            return columns.Count == 0 ? table.Key : $"{table.Key}, column{(columns.Count > 1 ? "s" : "")} {Runs(columns)}";
        }));

    private static string Runs(List<int> sorted)
    {
        var runs = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            runs.Add(j == i ? $"({sorted[i]})" : $"({sorted[i]})-({sorted[j]})");
            i = j + 1;
        }
        return string.Join(", ", runs);
    }
}
