namespace Panelwise.Estimation;

/// <summary>The panel structure of an estimation sample: a unit code and a period code per observation, for
/// covariances that follow the time dimension (Driscoll-Kraay, Newey-West) and for panel GLS. Periods are ranked
/// among the distinct times present in the sample (0..PeriodCount-1), so a lag of l periods pairs period k with
/// period k - l, as plm's vcovG does; <see cref="Times"/> keeps the original values for gap checks.</summary>
public sealed record PanelCodes
{
    private PanelCodes(int[] units, int unitCount, int[] times, int[] periods, int periodCount)
    {
        Units = units;
        UnitCount = unitCount;
        Times = times;
        Periods = periods;
        PeriodCount = periodCount;
    }

    /// <summary>Unit code per observation, 0..UnitCount-1 in order of first appearance of the original code.</summary>
    public int[] Units { get; }

    public int UnitCount { get; }

    /// <summary>The panel time value per observation (whole numbers, as in the data).</summary>
    public int[] Times { get; }

    /// <summary>Rank of the observation's time among the distinct times of the sample.</summary>
    public int[] Periods { get; }

    /// <summary>Number of distinct periods T.</summary>
    public int PeriodCount { get; }

    /// <summary>Codes from any unit labels (non-negative ints) and whole-number times of the same length.</summary>
    public static PanelCodes Create(int[] unitLabels, int[] times)
    {
        if (unitLabels.Length != times.Length) throw new ArgumentException("Unit and time codes differ in length.");
        var unitMap = new Dictionary<int, int>();
        var units = new int[unitLabels.Length];
        for (int i = 0; i < units.Length; i++)
        {
            if (!unitMap.TryGetValue(unitLabels[i], out int u)) { u = unitMap.Count; unitMap.Add(unitLabels[i], u); }
            units[i] = u;
        }
        var distinct = times.Distinct().Order().ToArray();
        var rank = new Dictionary<int, int>(distinct.Length);
        for (int k = 0; k < distinct.Length; k++) rank.Add(distinct[k], k);
        var periods = new int[times.Length];
        for (int i = 0; i < times.Length; i++) periods[i] = rank[times[i]];
        return new PanelCodes(units, unitMap.Count, times, periods, distinct.Length);
    }

    /// <summary>The codes of the kept observations, renumbered.</summary>
    public PanelCodes Filter(bool[] keep)
    {
        var u = new List<int>(Units.Length);
        var t = new List<int>(Units.Length);
        for (int i = 0; i < keep.Length; i++)
            if (keep[i]) { u.Add(Units[i]); t.Add(Times[i]); }
        return Create([.. u], [.. t]);
    }

    /// <summary>Observations per unit (T_i).</summary>
    public int[] UnitSizes()
    {
        var sizes = new int[UnitCount];
        foreach (int u in Units) sizes[u]++;
        return sizes;
    }
}
