using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Panelwise.Results;

namespace Panelwise.Study;

/// <summary>The referee's checks of a study's regression columns, in plain words: weak instruments (KP rk Wald F, or
/// Cragg-Donald F under iid errors, below the Stock-Yogo 10% maximal-size value or below 10), fewer than 50 clusters,
/// terms dropped as collinear, singleton observations dropped, and an observation count that does not fit the
/// panel (more rows than units x periods, or under 80% of the cells filled); in mediation tables, a Sobel test and a
/// bootstrap interval that disagree about the indirect effect; in multiverse tables, always, the share significant and
/// the baseline's rank (<see cref="MultiverseChecks"/>). Silent on a clean column.</summary>
public static partial class StudyChecks
{
    /// <summary>Cluster counts below this make cluster-robust standard errors unreliable (Cameron and Miller 2015).</summary>
    public const int FewClusters = 50;

    /// <summary>Staiger-Stock rule of thumb for the first-stage F.</summary>
    public const double WeakF = 10;

    /// <summary>A panel whose sample fills less than this share of units x periods is flagged as having many gaps.</summary>
    public const double GapShare = 0.8;

    public static IReadOnlyList<StudyCheck> Find(IReadOnlyList<TableResult> tables)
    {
        var checks = new List<StudyCheck>();
        foreach (var table in tables)
            for (int c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                foreach (var (kind, message) in Column(column.Result))
                    checks.Add(new StudyCheck(table.Name, c + 1, column.Title, kind, message));
            }
        foreach (var table in tables)
            if (table.Mediation is { } mediation)
            {
                // Every equation clusters the same way on the same sample: the few-clusters check speaks once per table.
                if (mediation.Equations.Count > 0 && Column(mediation.Equations[0]).FirstOrDefault(c => c.Kind == "few_clusters") is { Kind: not null } few)
                    checks.Add(new StudyCheck(table.Name, 1, table.Table.HeaderRows.ElementAtOrDefault(1)?[0], few.Kind, few.Message));
                checks.AddRange(MediationChecks.Find(table.Name, mediation));
            }
        foreach (var table in tables)
            if (table.Multiverse is { } multiverse) checks.AddRange(MultiverseChecks.Find(table.Name, multiverse));
        return checks;
    }

    private static IEnumerable<(string Kind, string Message)> Column(RegressionResult r)
    {
        if (r.Iv is { } iv && WeakInstruments(iv) is { } weak) yield return ("weak_instruments", weak);
        foreach (var (name, count) in r.Vcov.Clusters.OrderBy(c => c.Key, StringComparer.Ordinal))
            if (count < FewClusters)
                yield return ("few_clusters", $"only {count} clusters ({name}): cluster-robust standard errors and p-values are unreliable with fewer than about {FewClusters} clusters. Check the result with the wild cluster bootstrap (panelwise fit ... {{Vcov}} cluster:{name} {{WildBootstrap}}).");
        if (r.Fit.DroppedTerms.Count > 0)
            yield return ("collinear", $"dropped as collinear with the other regressors or the fixed effects: {string.Join(", ", r.Fit.DroppedTerms)}. Its row is empty: remove it from the formula or check how it was built.");
        foreach (var note in r.Notes)
            if (note.Code == "singletons" && SingletonNote().Match(note.Text) is { Success: true } m)
                yield return ("singletons", $"{m.Groups[1].Value} singleton observation(s) dropped (alone in a fixed-effect level), so N is smaller than the sample the filter selects; report this in the notes.");
        if (r.Fit.Panel is { } panel && PanelShape(r.Nobs, panel.UnitCount, panel.PeriodCount) is { } shape) yield return ("panel_shape", shape);
    }

    private static string? WeakInstruments(IvDiagnostics iv)
    {
        var (name, f) = iv.KpRkWaldF is double kp ? ("Kleibergen-Paap rk Wald F", kp)
            : iv.CraggDonaldF is double cd ? ("Cragg-Donald Wald F", cd) : ("", double.NaN);
        if (double.IsNaN(f)) return null;
        double? sy = iv.StockYogo?.Size10;
        bool belowSy = sy is double s && f < s;
        if (f >= WeakF && !belowSy) return null;
        var limits = new List<string>();
        if (sy is double s10 && belowSy) limits.Add($"the Stock-Yogo 10% maximal size critical value {Num(s10)}");
        if (f < WeakF) limits.Add($"the rule-of-thumb {Num(WeakF)}");
        return $"weak instruments: the {name} is {Num(f)}, below {string.Join(" and ", limits)}. The IV estimate and its standard error may be biased and misleading: report Anderson-Rubin inference (tests: [ar_p]), try LIML (estimator: liml) or find stronger instruments.";
    }

    private static string? PanelShape(int n, int units, int periods)
    {
        long cells = (long)units * periods;
        if (cells == 0) return null;
        if (n > cells)
            return $"N = {n} exceeds units x periods = {units} x {periods} = {cells}: some unit has several rows in one period. Check the panel id and time, or aggregate duplicates.";
        double share = (double)n / cells;
        return share < GapShare
            ? $"N = {n} fills only {Num(100 * share, 1)}% of units x periods = {units} x {periods} = {cells}: the panel has many gaps. Check the merge and missing values; lags and within estimates use fewer periods than the table suggests."
            : null;
    }

    /// <summary>checks.md: every check by table and column, or a line saying that none fired and what was checked.</summary>
    public static string Markdown(IReadOnlyList<StudyCheck> checks) => Markdown(checks, [], []);

    /// <summary>checks.md opening with <paramref name="preface"/> (the provenance statement) and the data-handling
    /// steps with their counts (when there are any), then the checks of the estimates.</summary>
    public static string Markdown(IReadOnlyList<StudyCheck> checks, IReadOnlyList<string> preface, IReadOnlyList<DataStepReport> steps)
    {
        var text = new StringBuilder("# Checks\n\n");
        foreach (var line in preface) text.Append(line).Append("\n\n");
        if (steps.Count > 0)
        {
            text.Append("## Data handling\n\n");
            foreach (var step in steps)
            {
                text.Append("- ").Append(step.Describe()).Append('\n');
                if (step is IndexReport index)
                    foreach (var node in index.Weights.GroupBy(w => w.Node))
                        text.Append("  - weights in ").Append(node.Key).Append(" (").Append(node.First().Method).Append("): ")
                            .AppendJoin(", ", node.Select(w => $"{w.Child} {Num(w.Weight, 4)}")).Append('\n');
            }
            text.Append("\n## Estimates\n\n");
        }
        text.Append("What a careful referee would ask about: weak instruments, fewer than ").Append(FewClusters)
            .Append(" clusters, dropped collinear variables, dropped singletons, observation counts that do not fit the panel, Sobel tests that a bootstrap interval contradicts, and where a multiverse's baseline falls in its specification curve.\n\n");
        if (checks.Count == 0) return text.Append("Nothing to flag.\n").ToString();
        foreach (var (where, message) in Grouped(checks)) text.Append("- **").Append(where).Append("**: ").Append(message).Append('\n');
        return text.ToString();
    }

    private static string Num(double value, int decimals = 2) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d+) singleton observation")]
    private static partial Regex SingletonNote();
}
