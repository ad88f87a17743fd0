namespace Panelwise.Methods.Indices;

/// <summary>Normalisation of indicators before weighting. The default is the seeds' practice: pooled min-max, no shift.</summary>
public sealed record NormalisationOptions
{
    public NormalisationMethod Method { get; init; } = NormalisationMethod.MinMax;

    /// <summary>Added to every min-max value (e.g. 0.0001) so that the entropy method never meets ln 0;
    /// 0 reproduces seed 003's eqs. 4-5 exactly.</summary>
    public double Shift { get; init; }

    public ReferenceFrame Reference { get; init; } = ReferenceFrame.Pooled;

    /// <summary>The base year when <see cref="Reference"/> is <see cref="ReferenceFrame.BaseYear"/>.</summary>
    public double? BaseYear { get; init; }
}
