namespace Panelwise.Estimation.Moments;

/// <summary>The Bartlett kernel shared by Driscoll-Kraay and Newey-West, and their default lag.</summary>
public static class HacKernel
{
    /// <summary>Bartlett weight 1 - l/(m+1) of lag l under maximum lag m (Newey and West 1987).</summary>
    public static double Bartlett(int l, int m) => 1.0 - l / (m + 1.0);

    /// <summary>xtscc's default maximum lag m(T) = floor(4 (T/100)^(2/9)) (Hoechle 2007, after Newey and West 1994).
    /// Computed in doubles with a tiny upward nudge so that exact integers such as T = 100 give 4, not 3.</summary>
    public static int DefaultLag(int periods) => (int)Math.Floor(4 * Math.Pow(periods / 100.0, 2.0 / 9.0) + 1e-12);
}
