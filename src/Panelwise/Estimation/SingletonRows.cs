using Panelwise.Absorb;

namespace Panelwise.Estimation;

/// <summary>Observations alone in a fixed-effect level (reghdfe/ivreghdfe default), one rule for the OLS and the IV
/// problems: which rows stay, and each column cut to them.</summary>
internal static class SingletonRows
{
    /// <summary>The rows to keep and how many, with the note; null when the option is off, there are no fixed effects,
    /// or no observation is a singleton.</summary>
    public static (bool[] Keep, int Kept)? Find(IReadOnlyList<FixedEffect> effects, int n, EstimationOptions options, List<Note> notes)
    {
        if (!options.DropSingletons || effects.Count == 0) return null;
        var (keep, dropped) = SingletonFilter.Find(effects, n);
        if (dropped == 0) return null;
        notes.Add(EstimationNotes.Singletons(dropped));
        return (keep, n - dropped);
    }

    /// <summary>The entries of <paramref name="x"/> whose row is kept, in order.</summary>
    public static double[] Cut(double[] x, bool[] keep, int kept)
    {
        var r = new double[kept];
        int j = 0;
        for (int i = 0; i < x.Length; i++) if (keep[i]) r[j++] = x[i];
        return r;
    }
}
