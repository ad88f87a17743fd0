using System.Globalization;
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
        var responses = Responses(columns, options);
        rows.Add(columns.Select(c => Label(options, responses[c.Result.Fit.ResponseName])).ToList());
        return rows;
    }

    /// <summary>Each response's header name: winsor(y, p) shows y's label (the note says so), unless renamed.</summary>
    private static IReadOnlyDictionary<string, string> Responses(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options) =>
        RowIdentity.Rows(columns.Select(c => (IReadOnlyList<string>)[c.Result.Fit.ResponseName]).ToList(), options);

    /// <summary>Each coefficient's row (after renames and merges), for every term of every column but the controls.</summary>
    private static IReadOnlyDictionary<string, string> TermRows(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options) =>
        RowIdentity.Rows(columns.Select(c => (IReadOnlyList<string>)c.Result.Coefficients.Select(r => r.Term).Where(t => !options.Controls.Contains(t)).ToList()).ToList(),
            options, columns.Select(c => c.Result.Fit.ResponseName).ToList());

    private static List<TableRow> CoefficientRows(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        var rowOf = TermRows(columns, options);
        var names = new List<string>();
        foreach (var c in columns)
            foreach (var row in c.Result.Coefficients)
                if (rowOf.TryGetValue(row.Term, out var name) && !names.Contains(name)) names.Add(name);
        // The intercept goes last whatever the column order, as Stata and esttab show it.
        if (names.Remove(LinearEstimator.InterceptName) && options.ShowConstant) names.Add(LinearEstimator.InterceptName);
        var rows = new List<TableRow>();
        foreach (string name in names)
        {
            var found = columns.Select(c => c.Result.Coefficients.FirstOrDefault(r => rowOf.GetValueOrDefault(r.Term) == name)).ToList();
            rows.Add(new TableRow(TermLabel(options, name), found.Select(r => r is null ? TableCell.Empty
                : new TableCell(NumberFormat.Estimate(r.Estimate, options.Decimals), options.Stars.For(r.PValue))).ToList()));
            rows.Add(new TableRow("", found.Select(r => r is null ? TableCell.Empty
                : new TableCell(Bracketed(r, options), Parenthesised: true)).ToList()));
        }
        return rows;
    }

    private static string Bracketed(CoefficientRow r, RegressionTableOptions options) => options.Bracket == BracketStatistic.TStatistic
        ? NumberFormat.Fixed(r.Statistic, options.Decimals) : NumberFormat.Estimate(r.StdError, options.Decimals);

    private static List<TableRow> IndicatorRows(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        var rows = new List<TableRow>();
        if (options.Controls.Count > 0)
            rows.Add(new TableRow(options.Text.Controls, columns.Select(c => YesNo(options,
                c.Result.Coefficients.Any(r => options.Controls.Contains(r.Term)))).ToList()));
        var effects = columns.SelectMany(c => c.Result.Fit.FixedEffects.Select(f => f.Name)).Distinct().ToList();
        foreach (string fe in effects)
            rows.Add(new TableRow(string.Format(CultureInfo.InvariantCulture, options.Text.FixedEffect, Label(options, fe)), columns.Select(c => YesNo(options,
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
            rows.Add(new TableRow(StatisticLabel(statistic, options.Text), values.Select(v => v is double d
                ? new TableCell(statistic == FitStatistic.Observations ? NumberFormat.Count((long)d) : NumberFormat.Fixed(d, options.Decimals))
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

    internal static double? Statistic(RegressionResult r, FitStatistic statistic) => statistic switch
    {
        FitStatistic.Observations => r.Nobs,
        FitStatistic.R2 => Finite(r.R2),
        FitStatistic.AdjustedR2 => Finite(r.AdjR2),
        FitStatistic.WithinR2 => r.R2Within ?? r.Components?.R2Within,
        _ => r.AdjR2Within,
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    internal static string StatisticLabel(FitStatistic statistic, TableText text) => statistic switch
    {
        FitStatistic.Observations => text.Observations,
        FitStatistic.R2 => text.R2,
        FitStatistic.AdjustedR2 => text.AdjustedR2,
        FitStatistic.WithinR2 => text.WithinR2,
        _ => text.AdjustedWithinR2,
    };

    private static IEnumerable<string> NotesFor(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        yield return CovarianceNote.For(columns.Select(c => c.Result.Vcov.Spec).ToList(), options);
        if (options.Stars.Levels.Count > 0) yield return options.Stars.Legend(options.Text);
        foreach (var note in TransformationNotes(columns, options)) yield return note;
    }

    /// <summary>One note per row that merges transformed terms: "人工智能嵌入程度: (1) winsorized at 1%, (6) lag 1."</summary>
    private static IEnumerable<string> TransformationNotes(IReadOnlyList<RegressionTableColumn> columns, RegressionTableOptions options)
    {
        var text = options.Text;
        var termRows = TermRows(columns, options);
        var responses = Responses(columns, options);
        var byRow = new List<(string Row, List<(int Column, string What)> Items)>();
        for (int c = 0; c < columns.Count; c++)
        {
            var terms = columns[c].Result.Coefficients.Select(r => (r.Term, Row: termRows.GetValueOrDefault(r.Term)))
                .Prepend((Term: columns[c].Result.Fit.ResponseName, Row: responses[columns[c].Result.Fit.ResponseName]));
            foreach (var (term, row) in terms)
            {
                if (row is null || row == term || RowIdentity.Describe(term, text) is not { } what) continue;
                int at = byRow.FindIndex(r => r.Row == row);
                if (at < 0) { byRow.Add((row, [])); at = byRow.Count - 1; }
                if (!byRow[at].Items.Contains((c, what))) byRow[at].Items.Add((c, what));
            }
        }
        foreach (var (row, items) in byRow)
        {
            var described = items.GroupBy(i => i.What).Select(g => string.Format(CultureInfo.InvariantCulture, text.ColumnIs,
                CovarianceNote.Columns(g.Select(i => i.Column), text), g.Key));
            yield return string.Format(CultureInfo.InvariantCulture, text.TransformedNote, Label(options, row), string.Join(text.ListSeparator, described));
        }
    }

    private static TableCell YesNo(RegressionTableOptions options, bool yes) => yes ? options.Yes ?? options.Text.Yes : options.No ?? options.Text.No;

    private static string TermLabel(RegressionTableOptions options, string term) =>
        term == LinearEstimator.InterceptName && !options.Labels.ContainsKey(term) ? options.Text.Constant : Label(options, term);

    private static string Label(RegressionTableOptions options, string name) =>
        options.Labels.TryGetValue(name, out var label) ? label : name;
}
