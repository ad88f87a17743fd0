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
        var titles = new List<string> { "Total effect" };
        foreach (var e in result.Each)
        {
            responses.Add(Label(options, e.Mediator));
            responses.Add(Label(options, spec.Outcome));
            titles.Add("X → M");
            titles.Add("Y ~ X + M");
        }
        if (joint is not null)
        {
            responses.Add(Label(options, spec.Outcome));
            titles.Add("Joint: Y ~ X + all M");
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
        var n = Enumerable.Repeat((TableCell)NumberFormat.Count(result.Nobs), k).ToList();
        return new TableModel
        {
            Title = options.Title,
            HeaderRows = [Enumerable.Range(1, k).Select(i => $"({i})").ToList(), titles, responses],
            Groups = [new RowGroup(coefficients), new RowGroup([new TableRow("N", n)]), new RowGroup(Indirect(result, k, options))],
            Notes = [.. Notes(result, spec, options), .. options.Notes],
        }.Validated();
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
            sobel[c] = new TableCell($"{Number(e.Sobel.Z, options)} ({Number(e.Sobel.PValue, options)})");
            product[c] = new TableCell(Number(e.Indirect.Estimate, options), options.Stars.For(e.Sobel.PValue));
            if (e.Bootstrap is { } b) interval[c] = new TableCell($"[{Number(b.Low, options)}, {Number(b.High, options)}]");
            share[c] = new TableCell(Number(e.Share, options));
        }
        if (result.Joint is { } joint)
        {
            sobel[k - 1] = new TableCell($"{Number(joint.Sobel.Z, options)} ({Number(joint.Sobel.PValue, options)})");
            product[k - 1] = new TableCell(Number(joint.Indirect.Estimate, options), options.Stars.For(joint.Sobel.PValue));
            if (joint.Bootstrap is { } b) interval[k - 1] = new TableCell($"[{Number(b.Low, options)}, {Number(b.High, options)}]");
            share[k - 1] = new TableCell(Number(joint.Share, options));
        }
        var rows = new List<TableRow> { new("Sobel z (p)", sobel), new("Indirect effect a×b", product) };
        if (result.Each.Any(e => e.Bootstrap is not null) || result.Joint?.Bootstrap is not null) rows.Add(new TableRow("Bootstrap 95% CI", interval));
        rows.Add(new TableRow("Mediation share", share));
        return rows;
    }

    private static IEnumerable<string> Notes(MediationResult result, MediationSpec spec, RegressionTableOptions options)
    {
        string what = options.Bracket == BracketStatistic.TStatistic ? "t statistics" : "Standard errors";
        yield return $"{what} in parentheses ({result.VcovConvention}); one common sample, the same controls and fixed effects in every equation.";
        if (result.Joint is not null)
            yield return "Joint column: every mediator in one outcome equation; indirect effect Σ a_j·b_j with a delta-method (Sobel) standard error.";
        if (result.Resampling is { } r)
            yield return $"Bootstrap: {spec.BootstrapReps} resamples of {r}, seed {spec.Seed}; percentile interval.";
        if (options.Stars.Levels.Count > 0) yield return options.Stars.Legend() + "; stars of a×b from the Sobel test.";
    }

    private static string Number(double value, RegressionTableOptions options) => NumberFormat.Fixed(value, options.Decimals);

    private static string Label(RegressionTableOptions options, string name) => options.Labels.TryGetValue(name, out var l) ? l : name;
}
