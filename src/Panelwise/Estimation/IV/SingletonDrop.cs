namespace Panelwise.Estimation.IV;

/// <summary>Drops observations alone in a fixed-effect level (reghdfe/ivreghdfe default), from every IV column.</summary>
internal static class SingletonDrop
{
    public static IvProblem Apply(IvProblem p, EstimationOptions options, List<Note> notes)
    {
        if (SingletonRows.Find(p.FixedEffects, p.Response.Length, options, notes) is not var (keep, kept)) return p;
        double[] F(double[] x) => SingletonRows.Cut(x, keep, kept);
        return p with
        {
            Response = F(p.Response),
            Exogenous = p.Exogenous.Select(F).ToList(),
            Endogenous = p.Endogenous.Select(F).ToList(),
            Instruments = p.Instruments.Select(F).ToList(),
            FixedEffects = p.FixedEffects.Select(fe => fe.Filter(keep, kept)).ToList(),
            Clusters = p.Clusters.Select(c => c.Filter(keep, kept)).ToList(),
            Panel = p.Panel?.Filter(keep),
        };
    }
}
