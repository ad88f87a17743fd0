namespace Panelwise.Methods.Matching;

/// <summary>How controls are matched to each treated unit on the propensity score (psmatch2's method options).</summary>
public enum MatchingMethod
{
    /// <summary>1:K nearest neighbours (psmatch2 <c>neighbor(K)</c>, MatchIt <c>method = "nearest"</c>).</summary>
    Nearest,

    /// <summary>Every control within the caliper, equally weighted (psmatch2 <c>radius caliper(c)</c>).</summary>
    Radius,

    /// <summary>Every control, weighted by an Epanechnikov kernel of the score distance (psmatch2 <c>kernel</c>).</summary>
    Kernel,
}
