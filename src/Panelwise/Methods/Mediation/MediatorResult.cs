using Panelwise.Methods.Resampling;

namespace Panelwise.Methods.Mediation;

/// <summary>The Baron-Kenny (1986) steps for one mediator: total effect c (Y on X), a (M on X), b and the direct
/// effect c' (Y on X and M), the indirect effect a·b with its Sobel, Aroian and Goodman tests, an optional bootstrap
/// interval, and the share of the total effect that is mediated, a·b/c.</summary>
public sealed record MediatorResult
{
    public required string Mediator { get; init; }
    public required PathEstimate Total { get; init; }
    public required PathEstimate A { get; init; }
    public required PathEstimate B { get; init; }
    public required PathEstimate Direct { get; init; }

    /// <summary>a·b, with the Sobel (first-order delta) standard error.</summary>
    public required PathEstimate Indirect { get; init; }

    public required ProductTest Sobel { get; init; }
    public required ProductTest Aroian { get; init; }

    /// <summary>NaN when b²s_a² + a²s_b² - s_a²s_b² is negative (the Goodman variance is then undefined).</summary>
    public required ProductTest Goodman { get; init; }

    public BootstrapInterval? Bootstrap { get; init; }

    /// <summary>a·b / c (can lie outside [0, 1] when the effects have opposite signs).</summary>
    public required double Share { get; init; }
}
