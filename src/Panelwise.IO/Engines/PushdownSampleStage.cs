using Panelwise.Data;
using Panelwise.Design;

namespace Panelwise.IO.Engines;

/// <summary>The first statements of a push-down fit: they fix the sample (<see cref="PushdownSample"/>) at every site
/// and count what left it. One scan counts the rows missing per variable (and refuses infinite values, as the reader
/// does); with a second effect and singletons dropped, one scan per round finds the small effect's levels left with one
/// row once the large effect's singletons are gone (summed over the shards, as a level may occur in several), until a
/// round finds none (usually the first).</summary>
internal static class PushdownSampleStage
{
    /// <summary>Rows in the relation, rows left after missing values (before singletons), the missing-values note,
    /// and the statements and scans used.</summary>
    public sealed record Outcome(long Total, long Kept, IReadOnlyList<Note> Notes, int Statements, long Scans);

    /// <summary>Most rounds of small-level exclusions before giving up on the engine (each drops at least one level).</summary>
    private const int MaxRounds = 50;

    public static Outcome Establish(EngineSource source, PushdownSample sample, PushdownSites sites,
        Func<Func<PushdownSql, string>, object[], List<EngineRow>[]> run, bool dropSingletons)
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
        int statements = 1;
        if (sample.Model.SmallEffect is null || !dropSingletons) return new Outcome(total, kept, notes, statements, statements);
        var excluded = new List<string>();
        for (int round = 0; ; round++)
        {
            if (round == MaxRounds)
                throw Estimation.EstimationException.NotOnEngine($"Dropping the singletons of {sample.Model.SmallEffect} (more than {MaxRounds} rounds)");
            var levels = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var row in run(sql => sample.SmallLevels(sql.Relation, sql.RowFilter), []).SelectMany(r => r))
                levels[row.Texts[0]!] = levels.GetValueOrDefault(row.Texts[0]!) + row.Values[0];
            statements++;
            var alone = levels.Where(l => l.Value == 1).Select(l => l.Key).ToList();
            if (alone.Count == 0) break;
            excluded.AddRange(alone);
            sites.Filter(sample.Kept(excluded));
        }
        return new Outcome(total, kept, notes, statements, statements);
    }

    private static DataException NonPositive(EngineSource source, string weight, long rows) =>
        new($"Weight '{weight}' in {source.Display} is zero or negative in {rows} {(rows == 1 ? "row" : "rows")} of the sample: weights must be positive. " +
            $"Drop such rows with {{If}} \"{weight} > 0\".") { File = source.Display, Column = weight };

    private static DataException Infinite(EngineSource source, string column, long rows) =>
        new($"Column '{column}' in {source.Display} holds an infinite value ({rows} {(rows == 1 ? "row" : "rows")}): estimates cannot use it. " +
            "Replace it with a finite number, or set it to NULL to treat it as missing.") { File = source.Display, Column = column };
}
