namespace Panelwise.Render.Plots;

/// <summary>Means of variables by time period: <see cref="Means"/>[v][t] is variable v's mean in period t over the rows
/// where it is not missing (NaN when none).</summary>
public sealed record TrendSeries(IReadOnlyList<double> Periods, IReadOnlyList<string> Variables, IReadOnlyList<double[]> Means);
