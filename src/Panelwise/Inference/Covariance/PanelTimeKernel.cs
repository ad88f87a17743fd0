using Panelwise.Estimation;
using Panelwise.Estimation.Moments;

namespace Panelwise.Inference.Covariance;

/// <summary>What the covariances that follow the panel time (Driscoll-Kraay, Newey-West) share: the declared panel and
/// the Bartlett lag, its default floor(4(T/100)^(2/9)) when none is given (xtscc).</summary>
internal static class PanelTimeKernel
{
    public static PanelCodes RequirePanel(PanelCodes? panel, string name) => panel ?? throw new EstimationException(
        $"{name} standard errors follow the panel time: declare the panel with {{Panel}} id,time (and make sure no sample row lacks its id or time).");

    public static int ResolveLag(int? lag, int periods, string name)
    {
        int m = lag ?? HacKernel.DefaultLag(periods);
        if (m < 0 || (lag is not null && m >= periods))
            throw new UserInputException($"{name}:{m}: the lag must be between 0 and T-1 = {periods - 1} (the sample has {periods} periods).");
        return m;
    }

    /// <summary>Reads <c>dk[:LAG]</c> (also scc, driscoll-kraay) or <c>nw[:LAG]</c> (also newey-west, hac) into
    /// <paramref name="make"/>'s spec when the head is one of <paramref name="heads"/>.</summary>
    public static bool TryParse(string lower, string[] heads, Func<int?, VcovSpec> make, out VcovSpec spec)
    {
        spec = VcovSpec.Iid;
        string head = lower, tail = "";
        int colon = lower.IndexOf(':');
        if (colon >= 0) { head = lower[..colon].Trim(); tail = lower[(colon + 1)..].Trim(); }
        if (!heads.Contains(head)) return false;
        int? lag = null;
        if (colon >= 0)
        {
            if (!int.TryParse(tail, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int m))
                throw new UserInputException($"The lag in '{lower}' must be a whole number >= 0, e.g. {head}:2.");
            lag = m;
        }
        spec = make(lag);
        return true;
    }
}
