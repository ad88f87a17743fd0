using Panelwise.Absorb;

namespace Panelwise.Estimation.IV;

/// <summary>Drops observations alone in a fixed-effect level (reghdfe/ivreghdfe default), from every IV column.</summary>
internal static class SingletonDrop
{
    public static IvProblem Apply(IvProblem p, EstimationOptions options, List<Note> notes)
    {
        if (!options.DropSingletons || p.FixedEffects.Count == 0) return p;
        int n = p.Response.Length;
        var (keep, dropped) = SingletonFilter.Find(p.FixedEffects, n);
        if (dropped == 0) return p;
        int kept = n - dropped;
        notes.Add(EstimationNotes.Singletons(dropped));
        double[] F(double[] x)
        {
            var r = new double[kept];
            int j = 0;
            for (int i = 0; i < x.Length; i++) if (keep[i]) r[j++] = x[i];
            return r;
        }
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
