using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;

namespace Panelwise.Models;

/// <summary>The xtgls transforms: Prais-Winsten for AR(1) errors and the Ω^(-1/2) scaling of the panel variances.</summary>
public static partial class Fgls
{
    /// <summary>For each observation, the observation of the same unit one period earlier, or -1 for a unit's first.
    /// A unit whose times are not consecutive is an error: the AR(1) transform needs equally spaced periods.</summary>
    private static int[] PreviousObservation(PanelCodes panel, ModelData data, Column idColumn, string timeName)
    {
        int n = panel.Units.Length;
        var order = Enumerable.Range(0, n).OrderBy(i => panel.Units[i]).ThenBy(i => panel.Times[i]).ToArray();
        var previous = new int[n];
        Array.Fill(previous, -1);
        for (int q = 1; q < n; q++)
        {
            int i = order[q], j = order[q - 1];
            if (panel.Units[i] != panel.Units[j]) continue;
            if (panel.Times[i] - panel.Times[j] != 1)
            {
                int row = data.SourceRows[i];
                string id = idColumn is CategoricalColumn c ? c.ValueAt(row) ?? "" : ((NumericColumn)idColumn).Values[row].ToString("R", CultureInfo.InvariantCulture);
                throw new UserInputException($"{{FglsCorrelation}} ar1/psar1 needs consecutive periods within each panel: {idColumn.Name} = {id} jumps from " +
                    $"{timeName} = {panel.Times[j]} to {panel.Times[i]} (xtgls refuses gaps too). Fill or drop the gap, or use {{FglsCorrelation}} independent.");
            }
            previous[i] = j;
        }
        return previous;
    }

    /// <summary>ρ_i = Σ e_t e_t-1 / Σ e_t-1² per unit (Stata rhotype(regress)); corr(ar1) uses their average for every unit.</summary>
    private static double[] Autocorrelations(PanelCodes panel, int[] previous, double[] e, FglsCorrelation corr, List<Note> notes)
    {
        var num = new double[panel.UnitCount];
        var den = new double[panel.UnitCount];
        for (int i = 0; i < e.Length; i++)
        {
            int j = previous[i];
            if (j < 0) continue;
            num[panel.Units[i]] += e[i] * e[j];
            den[panel.Units[i]] += e[j] * e[j];
        }
        var rho = new double[panel.UnitCount];
        var estimated = Enumerable.Range(0, rho.Length).Where(u => den[u] > 0).ToList();
        foreach (int u in estimated) rho[u] = num[u] / den[u];
        if (corr == FglsCorrelation.Ar1)
        {
            double common = estimated.Count == 0 ? 0 : estimated.Average(u => rho[u]);
            Array.Fill(rho, common);
            notes.Add(new Note(NoteKind.Model, "fgls_rho", $"AR(1) rho = {common:G6}: the average of the {estimated.Count} panel rhos from the OLS residuals (xtgls rhotype(regress))."));
        }
        else
            notes.Add(new Note(NoteKind.Model, "fgls_rho", $"Panel-specific AR(1) rhos from the OLS residuals (xtgls rhotype(regress)): from {rho.Min():G4} to {rho.Max():G4}."));
        if (rho.Any(r => Math.Abs(r) >= 1))
            throw new Estimation.EstimationException("An estimated AR(1) rho is 1 or more in absolute value: the Prais-Winsten transform is undefined. " +
                "Check the panel for trends, or use {FglsCorrelation} independent.");
        return rho;
    }

    /// <summary>z*_1 = √(1-ρ²) z_1 for a unit's first observation, z*_t = z_t - ρ z_t-1 after it (Prais and Winsten 1954).</summary>
    private static double[] PraisWinsten(double[] z, int[] previous, double[] rho, PanelCodes panel)
    {
        var r = new double[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            double p = rho[panel.Units[i]];
            r[i] = previous[i] < 0 ? Math.Sqrt(1 - p * p) * z[i] : z[i] - p * z[previous[i]];
        }
        return r;
    }

    private static double[] IidScale(double[] e)
    {
        double s2 = e.Sum(v => v * v) / e.Length;
        var scale = new double[e.Length];
        Array.Fill(scale, 1 / Math.Sqrt(s2));
        return scale;
    }

    private static double[] HeteroScale(double[] e, PanelCodes panel)
    {
        var sums = new double[panel.UnitCount];
        for (int i = 0; i < e.Length; i++) sums[panel.Units[i]] += e[i] * e[i];
        var sizes = panel.UnitSizes();
        var scale = new double[e.Length];
        for (int i = 0; i < e.Length; i++)
        {
            int u = panel.Units[i];
            double s2 = sums[u] / sizes[u];
            if (s2 <= 0) throw new Estimation.EstimationException("A panel has zero residual variance (it is fitted exactly), so panels(hetero) cannot weight it: use panels(iid).");
            scale[i] = 1 / Math.Sqrt(s2);
        }
        return scale;
    }

    private static (double[], List<double[]>) ScaleBy(double[] y, List<double[]> columns, double[] scale, string note, List<Note> notes)
    {
        notes.Add(new Note(NoteKind.Model, "fgls_variance", note));
        static double[] Times(double[] v, double[] s) { var r = new double[v.Length]; for (int i = 0; i < v.Length; i++) r[i] = v[i] * s[i]; return r; }
        return (Times(y, scale), columns.Select(x => Times(x, scale)).ToList());
    }

    /// <summary>panels(correlated): Σ̂ = E'E/T over the n panels (E: T × n residuals), Ω = Σ ⊗ I_T, and each period's
    /// cross-section z_t is replaced by L⁻¹ z_t with Σ̂ = LL'. Needs a balanced panel and T ≥ n for Σ̂ to be invertible.</summary>
    private static (double[], List<double[]>) Decorrelate(double[] y, List<double[]> columns, double[] e, PanelCodes panel, List<Note> notes)
    {
        int n = panel.UnitCount, periods = panel.PeriodCount;
        if (panel.Units.Length != n * periods)
            throw new UserInputException($"{{FglsPanels}} correlated needs a balanced panel (every one of the {n} panels observed in all {periods} periods); " +
                $"the sample has {panel.Units.Length} observations instead of {n * periods}. Use {{FglsPanels}} hetero, or restrict the sample with {{If}}.");
        var cell = new int[periods, n];
        for (int i = 0; i < panel.Units.Length; i++) cell[panel.Periods[i], panel.Units[i]] = i;
        var sigma = Matrix<double>.Build.Dense(n, n, (a, b) =>
        {
            double s = 0;
            for (int t = 0; t < periods; t++) s += e[cell[t, a]] * e[cell[t, b]];
            return s / periods;
        });
        Matrix<double>? lower = null;
        if (periods >= n)
        {
            // MathNet reports a matrix that is not positive definite by ArgumentException.
            try { lower = sigma.Cholesky().Factor; }
            catch (ArgumentException) { }
        }
        if (lower is null)
        {
            throw new Estimation.EstimationException($"{{FglsPanels}} correlated: the {n} x {n} cross-panel covariance estimated from {periods} periods is singular " +
                $"(it needs at least as many periods as panels, T >= n). Use {{FglsPanels}} hetero.");
        }
        notes.Add(new Note(NoteKind.Model, "fgls_variance", $"Cross-panel covariance sigma_ij = e_i'e_j/T from the residuals, {n * (n + 1) / 2} distinct elements (xtgls panels(correlated))."));
        double[] Transform(double[] z)
        {
            var r = new double[z.Length];
            var v = Vector<double>.Build.Dense(n);
            for (int t = 0; t < periods; t++)
            {
                for (int u = 0; u < n; u++) v[u] = z[cell[t, u]];
                var w = lower.Solve(v);
                for (int u = 0; u < n; u++) r[cell[t, u]] = w[u];
            }
            return r;
        }
        return (Transform(y), columns.Select(Transform).ToList());
    }
}
