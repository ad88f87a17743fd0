using Panelwise.Data;
using Panelwise.Design;

namespace Panelwise.IO.Engines;

/// <summary>The first statement of a push-down fit: it fixes the sample (<see cref="PushdownSample"/>) at every site and
/// counts what left it: one scan counts the rows missing per variable and refuses infinite values (as the reader does)
/// and non-positive weights (as the in-memory fit does). Singletons are dropped by the later statements.</summary>
internal static class PushdownSampleStage
{
    /// <summary>Rows in the relation, rows left after missing values (before singletons), the missing-values note,
    /// and the statements and scans used.</summary>
    public sealed record Outcome(long Total, long Kept, IReadOnlyList<Note> Notes, int Statements, long Scans);

    public static Outcome Establish(string source, PushdownSample sample, IPushdownSites sites,
        Func<Func<PushdownSql, string>, object[], List<EngineRow>[]> run)
    {
        var labels = sample.Labels;
        sites.Filter(sample.Kept([]));
        var counts = new double[1 + 2 * labels.Count + (sample.Model.Weights is null ? 0 : 1)];
        foreach (var site in run(sql => sample.Counts(sql.Relation), []))
            for (int j = 0; j < counts.Length; j++) counts[j] += site[0].Values[j];
        for (int j = 0; j < labels.Count; j++)
            if (counts[1 + labels.Count + j] > 0) throw Infinite(source, labels[j], (long)counts[1 + labels.Count + j]);
        if (sample.Model.Weights is { } weight && counts[^1] > 0) throw NonPositive(source, weight, (long)counts[^1]);
        var drops = labels.Select((l, j) => (l, (long)counts[1 + j])).ToList();
        long total = (long)counts[0], kept = total - drops.Sum(d => d.Item2);
        var notes = MissingValuesNote.For(drops) is { } note ? new List<Note> { note } : [];
        return new Outcome(total, kept, notes, 1, 1);
    }

    private static DataException NonPositive(string source, string weight, long rows) =>
        new($"Weight '{weight}' in {source} is zero or negative in {rows} {(rows == 1 ? "row" : "rows")} of the sample: weights must be positive. " +
            $"Drop such rows with {{If}} \"{weight} > 0\".") { File = source, Column = weight };

    private static DataException Infinite(string source, string column, long rows) =>
        new($"Column '{column}' in {source} holds an infinite value ({rows} {(rows == 1 ? "row" : "rows")}): estimates cannot use it. " +
            "Replace it with a finite number, or set it to NULL to treat it as missing.") { File = source, Column = column };
}
