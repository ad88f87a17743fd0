namespace Panelwise.Estimation.Panel;

/// <summary>The descriptive statistics xtreg reports beside the coefficients.</summary>
internal static class PanelStatistics
{
    /// <summary>Squared Pearson correlation corr(a, b)², the form of xtreg's R² within, between and overall.</summary>
    public static double SquaredCorrelation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n = a.Count;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa > 0 && sbb > 0 ? sab * sab / (saa * sbb) : double.NaN;
    }

    /// <summary>Sample standard deviation with the n-1 denominator.</summary>
    public static double StandardDeviation(IReadOnlyList<double> x)
    {
        double m = x.Average(), s = 0;
        foreach (double v in x) s += (v - m) * (v - m);
        return Math.Sqrt(s / (x.Count - 1));
    }

    /// <summary>The linear index x_i'b over the given columns and slopes.</summary>
    public static double[] Index(IReadOnlyList<double[]> columns, IReadOnlyList<double> slopes, int rows)
    {
        var xb = new double[rows];
        for (int j = 0; j < columns.Count; j++)
        {
            var x = columns[j];
            double b = slopes[j];
            for (int i = 0; i < rows; i++) xb[i] += b * x[i];
        }
        return xb;
    }

    /// <summary>x_it - x̄_i for every row.</summary>
    public static double[] Demeaned(PanelSample s, double[] x)
    {
        var means = s.UnitMeans(x);
        var r = new double[x.Length];
        for (int i = 0; i < x.Length; i++) r[i] = x[i] - means[s.Unit[i]];
        return r;
    }

    /// <summary>xtreg's three R²s for slopes b (the fit's non-constant terms, applied to the raw data):
    /// within = corr(y_it - ȳ_i, (x_it - x̄_i)'b)², between = corr(ȳ_i, x̄_i'b)² over units, overall = corr(y_it, x_it'b)².
    /// Source: Stata [XT] xtreg, Methods and formulas.</summary>
    public static (double? Within, double? Between, double? Overall) XtregR2(PanelSample s, LinearFit fit)
    {
        var (columns, slopes) = Slopes(s, fit);
        var y = s.Data.Response;
        var xb = Index(columns, slopes, s.Rows);
        return (Defined(SquaredCorrelation(Demeaned(s, y), Demeaned(s, xb))),
                Defined(SquaredCorrelation(s.UnitMeans(y), s.UnitMeans(xb))),
                Defined(SquaredCorrelation(y, xb)));
    }

    /// <summary>A squared correlation with a constant side (no slope, so xb does not vary; or y constant within or
    /// between units) is 0/0: not reported, as Stata prints ".", with the note of <see cref="WithR2Note"/>.</summary>
    private static double? Defined(double r2) => double.IsFinite(r2) ? r2 : null;

    /// <summary><paramref name="fit"/> with a note when one of the xtreg R² is not reported, so a missing R² always
    /// comes with its reason.</summary>
    public static LinearFit WithR2Note(LinearFit fit, (double? Within, double? Between, double? Overall) r2, bool within = true)
    {
        var missing = new List<string>();
        if (within && r2.Within is null) missing.Add("within");
        if (r2.Between is null) missing.Add("between");
        if (r2.Overall is null) missing.Add("overall");
        if (missing.Count == 0) return fit;
        return fit with
        {
            Notes = [.. fit.Notes, new Note(NoteKind.Inference, "r2_not_reported", $"R2 {string.Join("/", missing)} not reported: corr(xb, y)^2 is undefined when xb or y does not vary " +
                "(xb has no slope, or y is constant within or between units).")],
        };
    }

    /// <summary>The raw sample columns of the fit's slopes (not the constant), with their estimates.</summary>
    public static (List<double[]> Columns, List<double> Slopes) Slopes(PanelSample s, LinearFit fit)
    {
        var columns = new List<double[]>();
        var slopes = new List<double>();
        for (int j = 0; j < fit.K; j++)
        {
            if (fit.Terms[j] == LinearEstimator.InterceptName) continue;
            int at = IndexOf(s.Data.RegressorNames, fit.Terms[j]);
            columns.Add(s.Data.Regressors[at]);
            slopes.Add(fit.Coefficients[j]);
        }
        return (columns, slopes);
    }

    /// <summary>The fit's estimate of a term, or 0 when the term is absent (dropped or not in the model).</summary>
    public static double Coefficient(LinearFit fit, string term)
    {
        for (int j = 0; j < fit.K; j++) if (fit.Terms[j] == term) return fit.Coefficients[j];
        return 0;
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++) if (list[i] == item) return i;
        throw new InvalidOperationException($"Term '{item}' is not in the sample's design.");
    }
}
