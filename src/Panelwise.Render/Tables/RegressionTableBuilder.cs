using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Results;

namespace Panelwise.Render.Tables;

/// <summary>Regression results side by side as the seeds and esttab print them: coefficients with stars and
/// standard errors (or t) in parentheses below, then Controls and fixed-effect indicator rows, then N and R² rows,
/// test rows, and notes with the covariance and the stars legend.</summary>
public static class RegressionTableBuilder
{
    public static TableModel Build(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions? options = null)
    {
        options ??= new RegressionTableOptions();
        if (columns.Count == 0) throw new ArgumentException("A regression table needs at least one result.");
        var groups = new List<RowGroup> { new(CoefficientRows(columns, options)) };
        var indicators = IndicatorRows(columns, options);
        if (indicators.Count > 0) groups.Add(new RowGroup(indicators));
        var statistics = StatisticRows(columns, options);
        if (statistics.Count > 0) groups.Add(new RowGroup(statistics));
        return new TableModel
        {
            Title = options.Title,
            StubHeader = options.StubHeader,
            HeaderRows = HeaderRows(columns, options),
            Groups = groups,
            Notes = [.. NotesFor(columns, options), .. options.Notes],
        }.Validated();
    }

    private static List<IReadOnlyList<string>> HeaderRows(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        var rows = new List<IReadOnlyList<string>> { columns.Select((_, i) => $"({i + 1})").ToList() };
        if (columns.Any(c => !string.IsNullOrEmpty(c.Title))) rows.Add(columns.Select(c => c.Title ?? "").ToList());
        rows.Add(columns.Select(c => Label(options, c.Result.Fit.ResponseName)).ToList());
        return rows;
    }

    private static List<TableRow> CoefficientRows(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        var terms = new List<string>();
        foreach (var c in columns)
            foreach (var row in c.Result.Coefficients)
                if (!terms.Contains(row.Term) && !options.Controls.Contains(row.Term)) terms.Add(row.Term);
        // The intercept goes last whatever the column order, as Stata and esttab show it.
        if (terms.Remove(LinearEstimator.InterceptName) && options.ShowConstant) terms.Add(LinearEstimator.InterceptName);
        var rows = new List<TableRow>();
        foreach (string term in terms)
        {
            var found = columns.Select(c => c.Result[term]).ToList();
            rows.Add(new TableRow(TermLabel(options, term), found.Select(r => r is null ? TableCell.Empty
                : new TableCell(NumberFormat.Fixed(r.Estimate, options.Decimals), options.Stars.For(r.PValue))).ToList()));
            rows.Add(new TableRow("", found.Select(r => r is null ? TableCell.Empty
                : new TableCell(NumberFormat.Fixed(options.Bracket == BracketStatistic.TStatistic ? r.Statistic : r.StdError, options.Decimals), Parenthesised: true)).ToList()));
        }
        return rows;
    }

    private static List<TableRow> IndicatorRows(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        var rows = new List<TableRow>();
        if (options.Controls.Count > 0)
            rows.Add(new TableRow("Controls", columns.Select(c => YesNo(options,
                c.Result.Coefficients.Any(r => options.Controls.Contains(r.Term)))).ToList()));
        var effects = columns.SelectMany(c => c.Result.Fit.FixedEffects.Select(f => f.Name)).Distinct().ToList();
        foreach (string fe in effects)
            rows.Add(new TableRow($"{Label(options, fe)} FE", columns.Select(c => YesNo(options,
                c.Result.Fit.FixedEffects.Any(f => f.Name == fe))).ToList()));
        return rows;
    }

    private static List<TableRow> StatisticRows(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        var rows = new List<TableRow>();
        foreach (var statistic in options.Statistics)
        {
            var values = columns.Select(c => Statistic(c.Result, statistic)).ToList();
            if (values.All(v => v is null)) continue;
            rows.Add(new TableRow(StatisticLabel(statistic), values.Select(v => v is double d
                ? new TableCell(statistic == FitStatistic.Observations ? NumberFormat.Count((int)d) : NumberFormat.Fixed(d, options.Decimals))
                : TableCell.Empty).ToList()));
        }
        foreach (var test in options.Tests)
        {
            var cells = columns.Select(c => c.Tests is null || c.Tests.Contains(test.Key) ? TestRowCatalog.Cell(c.Result, test.Key, options) : null).ToList();
            if (cells.All(v => v is null)) continue;
            rows.Add(new TableRow(test.Label, cells.Select(v => v ?? TableCell.Empty).ToList()));
        }
        return rows;
    }

    private static double? Statistic(RegressionResult r, FitStatistic statistic) => statistic switch
    {
        FitStatistic.Observations => r.Nobs,
        FitStatistic.R2 => Finite(r.R2),
        FitStatistic.AdjustedR2 => Finite(r.AdjR2),
        FitStatistic.WithinR2 => r.R2Within ?? r.Components?.R2Within,
        _ => r.AdjR2Within,
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string StatisticLabel(FitStatistic statistic) => statistic switch
    {
        FitStatistic.Observations => "N",
        FitStatistic.R2 => "R²",
        FitStatistic.AdjustedR2 => "Adj. R²",
        FitStatistic.WithinR2 => "Within R²",
        _ => "Adj. within R²",
    };

    private static IEnumerable<string> NotesFor(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        string what = options.Bracket == BracketStatistic.TStatistic ? "t statistics" : "Standard errors";
        var kinds = columns.Select(c => Describe(c.Result.Vcov.Spec)).Distinct().ToList();
        yield return kinds.Count == 1
            ? $"{what} in parentheses ({kinds[0]})."
            : $"{what} in parentheses; covariance by column: {string.Join("; ", columns.Select((c, i) => $"({i + 1}) {Describe(c.Result.Vcov.Spec)}"))}.";
        if (options.Stars.Levels.Count > 0) yield return options.Stars.Legend() + ".";
    }

    private static string Describe(VcovSpec spec) => spec.Small ? Kind(spec)
        : $"{Kind(spec)}; large-sample conventions as ivreg2/ivregress without small: no small-sample factor, z statistics";

    private static string Kind(VcovSpec spec) => spec switch
    {
        IidVcovSpec => "conventional",
        HeteroskedasticVcovSpec h => $"heteroskedasticity-robust, HC{h.Type}",
        ClusterVcovSpec c => $"clustered by {string.Join(" and ", c.Variables)}",
        DriscollKraayVcovSpec => "Driscoll-Kraay",
        NeweyWestVcovSpec => "Newey-West",
        _ => spec.ToString() ?? "",
    };

    private static TableCell YesNo(RegressionTableOptions options, bool yes) => yes ? options.Yes : options.No;

    private static string TermLabel(RegressionTableOptions options, string term) =>
        term == LinearEstimator.InterceptName && !options.Labels.ContainsKey(term) ? "Constant" : Label(options, term);

    private static string Label(RegressionTableOptions options, string name) =>
        options.Labels.TryGetValue(name, out var label) ? label : name;
}
