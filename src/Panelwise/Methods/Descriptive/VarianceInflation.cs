using MathNet.Numerics.LinearAlgebra;
using Panelwise.Data;

namespace Panelwise.Methods.Descriptive;

/// <summary>Variance inflation factors VIF_j = 1/(1 - R²_j), R²_j from regressing x_j on the other variables with an
/// intercept, over the rows where all are present (Stata's <c>estat vif</c> after <c>regress</c>). Computed as the
/// diagonal of the inverse correlation matrix, which equals 1/(1 - R²_j).</summary>
public static class VarianceInflation
{
    /// <summary>One factor per variable, in the given order; NaN when the variables are perfectly collinear.</summary>
    public static IReadOnlyList<(string Variable, double Vif)> Compute(Frame frame, IReadOnlyList<string> variables, IReadOnlyList<bool>? sample = null)
    {
        if (variables.Count < 2) throw new UserInputException("VIF needs at least two variables: each is regressed on the others.");
        var columns = variables.Select(v => frame.Numeric(v).Values).ToArray();
        var rows = Enumerable.Range(0, frame.RowCount)
            .Where(i => (sample is null || sample[i]) && columns.All(c => !double.IsNaN(c[i]))).ToArray();
        var corr = Matrix<double>.Build.Dense(columns.Length, columns.Length, (a, b) => Pearson(columns[a], columns[b], rows));
        var inverse = corr.Inverse();
        return variables.Select((v, j) => (v, double.IsFinite(inverse[j, j]) && inverse[j, j] > 0 ? inverse[j, j] : double.NaN)).ToList();
    }

    private static double Pearson(double[] x, double[] y, int[] rows)
    {
        double mx = rows.Average(i => x[i]), my = rows.Average(i => y[i]);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (int i in rows)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
