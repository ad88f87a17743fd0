using Panelwise.Absorb;
using Panelwise.Data;
using Panelwise.Design;
using Panelwise.Formula;

namespace Panelwise.Estimation.Panel;

/// <summary>The estimation sample of a panel model: the design of the formula plus, for every sample row, its unit
/// (a dense code) and time period. Rows with a missing unit or time are left out with the other missing values.</summary>
internal sealed class PanelSample
{
    public required ModelData Data { get; init; }
    public required ModelSpec Spec { get; init; }
    public required string UnitName { get; init; }

    /// <summary>Unit code per row, 0..<see cref="UnitCount"/>-1.</summary>
    public required int[] Unit { get; init; }

    public required int UnitCount { get; init; }

    /// <summary>Time period per row (whole numbers, as the panel index requires).</summary>
    public required int[] Time { get; init; }

    /// <summary>T_i: rows per unit.</summary>
    public required int[] Count { get; init; }

    /// <summary>The formula's own absorbed effects (after <c>|</c>).</summary>
    public required IReadOnlyList<FixedEffect> UserFixedEffects { get; init; }

    public required IReadOnlyList<FixedEffect> Clusters { get; init; }

    public int Rows => Unit.Length;

    public bool Balanced => Count.All(c => c == Count[0]);

    /// <summary>The unit as a fixed effect to absorb.</summary>
    public FixedEffect UnitEffect => new(UnitName, Unit, UnitCount);

    /// <summary>Builds the design with the panel id and time added as (unused) factors, so that the design builder
    /// drops rows where they are missing and codes the units on the sample.</summary>
    public static PanelSample Build(DesignRequest request)
    {
        var (frame, spec, panel) = (request.Frame, request.Spec, request.Panel!);
        var extended = spec with
        {
            FixedEffects = [.. spec.FixedEffects, new FixedEffectTerm([panel.IdName]), new FixedEffectTerm([panel.TimeName])],
        };
        var data = DesignBuilder.Build(request with { Spec = extended });
        DegenerateModel.CheckDesign(data);
        int m = data.FixedEffects.Count;
        var unit = data.FixedEffects[m - 2];
        var timeValues = frame.Numeric(panel.TimeName).Values;
        var count = new int[unit.Levels];
        foreach (int u in unit.Codes) count[u]++;
        return new PanelSample
        {
            Data = data,
            Spec = spec,
            UnitName = panel.IdName,
            Unit = unit.Codes,
            UnitCount = unit.Levels,
            Time = data.SourceRows.Select(r => (int)timeValues[r]).ToArray(),
            Count = count,
            UserFixedEffects = data.FixedEffects.Take(m - 2).Select(f => new FixedEffect(f.Name, f.Codes, f.Levels)).ToList(),
            Clusters = data.Clusters.Select(f => new FixedEffect(f.Name, f.Codes, f.Levels)).ToList(),
        };
    }

    /// <summary>A least-squares problem on this sample's rows (columns are copied: the estimator overwrites them).</summary>
    public LinearProblem Problem(double[] y, IReadOnlyList<double[]> xs, bool intercept, IReadOnlyList<FixedEffect>? effects = null,
        IReadOnlyList<string>? names = null) => new()
    {
        ResponseName = Data.ResponseName,
        Response = (double[])y.Clone(),
        RegressorNames = names ?? Data.RegressorNames,
        Regressors = xs.Select(x => (double[])x.Clone()).ToList(),
        Intercept = intercept,
        FixedEffects = effects ?? [],
        Clusters = Clusters,
        Notes = Data.Notes,
        Formula = Spec.Text,
    };

    /// <summary>Per-unit means of a column (unweighted): x̄_i = Σ_t x_it / T_i.</summary>
    public double[] UnitMeans(double[] x)
    {
        var means = new double[UnitCount];
        for (int i = 0; i < x.Length; i++) means[Unit[i]] += x[i];
        for (int u = 0; u < UnitCount; u++) means[u] /= Count[u];
        return means;
    }

    /// <summary>T̄ = n / Σ 1/T_i, the harmonic mean of the unit sizes (Stata xtreg, re for unbalanced panels).</summary>
    public double HarmonicMeanT() => UnitCount / Count.Sum(t => 1.0 / t);
}
