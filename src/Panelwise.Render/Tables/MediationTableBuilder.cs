using Panelwise.Methods.Mediation;

namespace Panelwise.Render.Tables;

/// <summary>A mediation result as the seeds print it: the Baron-Kenny equations as columns, the total effect Y ~ X,
/// then per mediator X -> M and Y ~ X + M, coefficients with stars and standard errors (or t) in parentheses below,
/// N, and in each outcome column the Sobel z (p), the indirect effect a·b, the bootstrap percentile 95% CI and the
/// mediated share a·b/c. With several mediators a last column puts them all in one outcome equation (the joint
/// indirect effect Σ a_j·b_j).</summary>
public static class MediationTableBuilder
{
    public static TableModel Build(MediationResult result, MediationSpec spec, RegressionTableOptions options)
    {
        // Columns: (1) total; then for mediator j, X -> M_j and Y ~ X + M_j; with several mediators, Y ~ X + all M.
        var joint = result.Joint;
        int k = 1 + 2 * result.Each.Count + (joint is null ? 0 : 1);
        var responses = new List<string> { Label(options, spec.Outcome) };
        var text = options.Text;
        var titles = new List<string> { text.MediationTotal };
        foreach (var e in result.Each)
        {
            responses.Add(Label(options, e.Mediator));
            responses.Add(Label(options, spec.Outcome));
            titles.Add(text.MediationA);
            titles.Add(text.MediationOutcome);
        }
        if (joint is not null)
        {
            responses.Add(Label(options, spec.Outcome));
            titles.Add(text.MediationJoint);
        }
        var treatment = Cells(k);
        treatment[0] = result.Each[0].Total;
        var mediators = result.Each.Select(_ => Cells(k)).ToList();
        for (int j = 0; j < result.Each.Count; j++)
        {
            treatment[1 + 2 * j] = result.Each[j].A;
            treatment[2 + 2 * j] = result.Each[j].Direct;
            mediators[j][2 + 2 * j] = result.Each[j].B;
            if (joint is not null) mediators[j][k - 1] = joint.Paths[j].B;
        }
        if (joint is not null) treatment[k - 1] = joint.Direct;
        var coefficients = new List<TableRow>();
        coefficients.AddRange(Coefficient(Label(options, spec.Treatment), treatment, options));
        for (int j = 0; j < result.Each.Count; j++)
            coefficients.AddRange(Coefficient(Label(options, result.Each[j].Mediator), mediators[j], options));
        var groups = new List<RowGroup> { new(coefficients) };
        var indicators = Indicators(result, spec, options, k);
        if (indicators.Count > 0) groups.Add(new RowGroup(indicators));
        groups.Add(new RowGroup(Statistics(result, options, k)));
        groups.Add(new RowGroup(Indirect(result, k, options)));
        return new TableModel
        {
            Title = options.Title,
            HeaderRows = [Enumerable.Range(1, k).Select(i => $"({i})").ToList(), titles, responses],
            Groups = groups,
            Notes = [.. Notes(result, spec, options), .. options.Notes],
        }.Validated();
    }

    /// <summary>Controls and fixed-effect rows, as in a regression table: every equation has the same ones.</summary>
    private static List<TableRow> Indicators(MediationResult result, MediationSpec spec, RegressionTableOptions options, int k)
    {
        var rows = new List<TableRow>();
        TableCell yes = options.Yes ?? options.Text.Yes;
        if (!string.IsNullOrWhiteSpace(spec.Controls)) rows.Add(new TableRow(options.Text.Controls, Enumerable.Repeat(yes, k).ToList()));
        if (result.Equations.Count == k)
            foreach (var fe in result.Equations[0].Fit.FixedEffects)
                rows.Add(new TableRow(string.Format(System.Globalization.CultureInfo.InvariantCulture, options.Text.FixedEffect, Label(options, fe.Name)),
                    Enumerable.Repeat(yes, k).ToList()));
        return rows;
    }

    /// <summary>N (the common sample) and the table's fit statistics of each equation.</summary>
    private static List<TableRow> Statistics(MediationResult result, RegressionTableOptions options, int k)
    {
        var rows = new List<TableRow> { new(options.Text.Observations, Enumerable.Repeat((TableCell)NumberFormat.Count(result.Nobs), k).ToList()) };
        if (result.Equations.Count != k) return rows;
        foreach (var statistic in options.Statistics.Where(s => s != FitStatistic.Observations))
        {
            var values = result.Equations.Select(e => RegressionTableBuilder.Statistic(e, statistic)).ToList();
            if (values.All(v => v is null)) continue;
            rows.Add(new TableRow(RegressionTableBuilder.StatisticLabel(statistic, options.Text),
                values.Select(v => v is double d ? new TableCell(NumberFormat.Fixed(d, options.Decimals)) : TableCell.Empty).ToList()));
        }
        return rows;
    }

    private static PathEstimate?[] Cells(int k) => new PathEstimate?[k];

    private static IEnumerable<TableRow> Coefficient(string label, PathEstimate?[] cells, RegressionTableOptions options)
    {
        bool t = options.Bracket == BracketStatistic.TStatistic;
        yield return new TableRow(label, cells.Select(c => c is null ? TableCell.Empty
            : new TableCell(Number(c.Estimate, options), options.Stars.For(c.PValue))).ToList());
        yield return new TableRow("", cells.Select(c => c is null ? TableCell.Empty
            : new TableCell(Number(t ? c.Statistic : c.StdError, options), "", true)).ToList());
    }

    private static List<TableRow> Indirect(MediationResult result, int k, RegressionTableOptions options)
    {
        var sobel = Enumerable.Repeat(TableCell.Empty, k).ToList();
        var product = sobel.ToList();
        var interval = sobel.ToList();
        var share = sobel.ToList();
        for (int j = 0; j < result.Each.Count; j++)
        {
            var e = result.Each[j];
            int c = 2 + 2 * j;
            sobel[c] = new TableCell($"{NumberFormat.Fixed(e.Sobel.Z, options.Decimals)} ({NumberFormat.PValue(e.Sobel.PValue, options.Decimals)})");
            product[c] = new TableCell(Number(e.Indirect.Estimate, options), options.Stars.For(e.Sobel.PValue));
            if (e.Bootstrap is { } b) interval[c] = new TableCell($"[{Number(b.Low, options)}, {Number(b.High, options)}]");
            share[c] = new TableCell(Number(e.Share, options));
        }
        if (result.Joint is { } joint)
        {
            sobel[k - 1] = new TableCell($"{NumberFormat.Fixed(joint.Sobel.Z, options.Decimals)} ({NumberFormat.PValue(joint.Sobel.PValue, options.Decimals)})");
            product[k - 1] = new TableCell(Number(joint.Indirect.Estimate, options), options.Stars.For(joint.Sobel.PValue));
            if (joint.Bootstrap is { } b) interval[k - 1] = new TableCell($"[{Number(b.Low, options)}, {Number(b.High, options)}]");
            share[k - 1] = new TableCell(Number(joint.Share, options));
        }
        var text = options.Text;
        var rows = new List<TableRow> { new(text.Sobel, sobel), new(text.Indirect, product) };
        if (result.Each.Any(e => e.Bootstrap is not null) || result.Joint?.Bootstrap is not null) rows.Add(new TableRow(text.BootstrapInterval, interval));
        rows.Add(new TableRow(text.MediationShare, share));
        return rows;
    }

    private static IEnumerable<string> Notes(MediationResult result, MediationSpec spec, RegressionTableOptions options)
    {
        var text = options.Text;
        // English keeps the convention as fit states it; other languages describe the covariance in their words.
        string covariance = text.Language == "en" || result.Equations.Count == 0 ? result.VcovConvention
            : CovarianceNote.Describe(result.Equations[0].Vcov.Spec, options);
        string what = options.Bracket == BracketStatistic.TStatistic ? "t statistics" : "Standard errors";
        yield return Format(text.MediationSample, what, covariance);
        if (result.Joint is not null) yield return text.MediationJointNote;
        if (result.Resampling is { } r) yield return Format(text.MediationBootstrap, spec.BootstrapReps, Resampling(r, options), spec.Seed);
        if (options.Stars.Levels.Count > 0) yield return Format(text.MediationStars, options.Stars.Legend(text).TrimEnd('.', '。'));
    }

    /// <summary>"clusters of industry_id" with the cluster variable's label.</summary>
    private static string Resampling(string resampling, RegressionTableOptions options) =>
        resampling.StartsWith("clusters of ", StringComparison.Ordinal) && options.Text.Language != "en"
            ? $"{Label(options, resampling["clusters of ".Length..])}聚类" : resampling;

    private static string Format(string template, params object[] values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);

    private static string Number(double value, RegressionTableOptions options) => NumberFormat.Fixed(value, options.Decimals);

    private static string Label(RegressionTableOptions options, string name) => options.Labels.TryGetValue(name, out var l) ? l : name;
}
