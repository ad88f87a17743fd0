using System.Globalization;
using Panelwise.Methods.Multiverse;

namespace Panelwise.Render.Tables;

/// <summary>A multiverse as tables, in the words of <see cref="RegressionTableOptions.Text"/> (its
/// <see cref="TableText.Multiverse"/>) with the variables' labels: the summary of its specification curve (number of
/// specifications and fits, median, range, shares positive and significant at 5%, the baseline's rank with 1 = smallest
/// estimate, and the joint test of Simonsohn, Simmons and Nelson 2020 when run), and the table of its specifications,
/// one row per specification with its choices as <see cref="MultiverseChoiceText"/> shows them.</summary>
public static class MultiverseTableBuilder
{
    /// <summary>The curve's summary as one column of values; <paramref name="options"/>' notes follow its own.</summary>
    public static TableModel Summary(MultiverseResult r, RegressionTableOptions options)
    {
        var s = r.Summary;
        var words = options.Text.Multiverse;
        int decimals = options.Decimals;
        string F(double v) => NumberFormat.Estimate(v, decimals);
        string Share(double v) => NumberFormat.Fixed(v, decimals);
        string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
        var curve = new List<TableRow>
        {
            new(words.Specifications, [NumberFormat.Count(s.SpecCount)]),
            new(words.ModelFits, [NumberFormat.Count(r.FitCount)]),
            new(words.Median, [F(s.Median)]),
            new(words.Smallest, [F(s.Min)]),
            new(words.Largest, [F(s.Max)]),
            new(words.SharePositive, [Share(s.SharePositive)]),
            new(words.ShareSignificant, [Share(s.ShareSignificant05)]),
            new(words.ShareSignificantPositive, [Share(s.ShareSignificantPositive05)]),
            new(words.ShareSignificantNegative, [Share(s.ShareSignificantNegative05)]),
        };
        var groups = new List<RowGroup> { new(curve) };
        if (r.Baseline is { } b)
            groups.Add(new RowGroup([
                new(words.Baseline, [NumberFormat.Count(b.Spec.Number)]),
                new(words.BaselineEstimate, [F(b.Estimate)]),
                new(words.BaselineRank, [Format(words.OutOf, s.BaselineRank!.Value, s.SpecCount)]),
            ]));
        var notes = new List<string> { Format(words.Note, MultiverseChoiceText.FocalTerms(r, options), NumberFormat.Count(s.SpecCount)) };
        if (r.Joint is { } j)
        {
            groups.Add(new RowGroup([
                new(words.JointMedian, [NumberFormat.PValue(j.MedianPValue, decimals)]),
                new(Format(words.JointCount, j.Direction > 0 ? words.Positive : words.Negative), [NumberFormat.Count(j.SignificantCount)]),
                new(words.JointCountPValue, [NumberFormat.PValue(j.SignificantPValue, decimals)]),
                new(words.JointDraws, [Format(words.OutOf, j.DrawsUsed, j.Draws)]),
            ]));
            string unit = j.ResampledBy is { } u ? Format(words.Clusters, options.Labels.GetValueOrDefault(u, u)) : words.Rows;
            notes.Add(Format(words.JointNote, unit, j.Draws, j.Seed));
        }
        return new TableModel
        {
            Title = options.Title, StubHeader = "", HeaderRows = [[words.Value]], Groups = groups, Notes = [.. notes, .. options.Notes],
        }.Validated();
    }

    /// <summary>One row per specification in enumeration order: its number, its choices, and the focal term's estimate,
    /// standard error, p-value, 95% interval and observations.</summary>
    public static TableModel Specifications(MultiverseResult r, RegressionTableOptions options)
    {
        var words = options.Text.Multiverse;
        int decimals = options.Decimals;
        var rows = r.Estimates.Select(e => new TableRow(NumberFormat.Count(e.Spec.Number), [
            .. r.Spec.Used().Select(d => (TableCell)MultiverseChoiceText.Choice(r, d, e.Spec.Choice(d), options)),
            NumberFormat.Estimate(e.Estimate, decimals), NumberFormat.Estimate(e.StdError, decimals), NumberFormat.PValue(e.PValue, decimals),
            NumberFormat.Estimate(e.ConfLow, decimals), NumberFormat.Estimate(e.ConfHigh, decimals), NumberFormat.Count(e.Nobs),
        ])).ToList();
        return new TableModel
        {
            Title = options.Title,
            StubHeader = words.Spec,
            HeaderRows = [[.. r.Spec.Used().Select(d => MultiverseChoiceText.Dimension(d, options.Text)),
                words.Estimate, words.StdError, words.PValue, words.ConfLow, words.ConfHigh, words.Nobs]],
            Groups = [new RowGroup(rows)],
        }.Validated();
    }
}
