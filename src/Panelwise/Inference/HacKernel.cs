namespace Panelwise.Inference;

/// <summary>The Bartlett kernel shared by Driscoll-Kraay and Newey-West, and the text forms <c>dk[:LAG]</c> / <c>nw[:LAG]</c>.</summary>
public static class HacKernel
{
    /// <summary>Bartlett weight 1 - l/(m+1) of lag l under maximum lag m (Newey and West 1987).</summary>
    public static double Bartlett(int l, int m) => 1.0 - l / (m + 1.0);

    /// <summary>xtscc's default maximum lag m(T) = floor(4 (T/100)^(2/9)) (Hoechle 2007, after Newey and West 1994).
    /// Computed in doubles with a tiny upward nudge so that exact integers such as T = 100 give 4, not 3.</summary>
    public static int DefaultLag(int periods) => (int)Math.Floor(4 * Math.Pow(periods / 100.0, 2.0 / 9.0) + 1e-12);

    internal static bool TryParse(string lower, out VcovSpec spec)
    {
        spec = VcovSpec.Iid;
        string head = lower, tail = "";
        int colon = lower.IndexOf(':');
        if (colon >= 0) { head = lower[..colon].Trim(); tail = lower[(colon + 1)..].Trim(); }
        bool dk = head is "dk" or "scc" or "driscoll-kraay";
        bool nw = head is "nw" or "newey-west" or "hac";
        if (!dk && !nw) return false;
        int? lag = null;
        if (colon >= 0)
        {
            if (!int.TryParse(tail, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int m))
                throw new UserInputException($"The lag in '{lower}' must be a whole number >= 0, e.g. {head}:2.");
            lag = m;
        }
        spec = dk ? VcovSpec.DriscollKraay(lag) : VcovSpec.NeweyWest(lag);
        return true;
    }
}
