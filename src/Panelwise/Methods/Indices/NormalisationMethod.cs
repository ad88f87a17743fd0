namespace Panelwise.Methods.Indices;

/// <summary>How raw indicator values are made comparable before weighting.</summary>
public enum NormalisationMethod
{
    /// <summary>Positive: (x - min)/(max - min); negative: (max - x)/(max - min); plus the optional shift
    /// (seed 003, eqs. 4-5).</summary>
    MinMax,

    /// <summary>(x - mean)/sd with the sample sd (n - 1); negative indicators have their sign flipped.
    /// Produces negative values, so it cannot feed the entropy method.</summary>
    ZScore,

    /// <summary>Positive: x / max; negative: min / x (both in (0, 1] for positive data).</summary>
    RatioToMax,
}
