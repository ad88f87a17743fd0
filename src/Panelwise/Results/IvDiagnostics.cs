using Panelwise.Inference;
using Panelwise.Inference.Tests;

namespace Panelwise.Results;

/// <summary>What ivreg2 reports around an IV fit: first stages, under-identification (Anderson canonical-correlation
/// LM under iid errors; Kleibergen-Paap rk LM under robust/cluster), weak identification (Cragg-Donald Wald F;
/// Kleibergen-Paap rk Wald F under robust/cluster; Stock-Yogo critical values), over-identification (Sargan under iid;
/// Hansen J under robust/cluster), the endogeneity C test and the Anderson-Rubin test. Null = does not apply.</summary>
public sealed record IvDiagnostics
{
    /// <summary>"2sls", "liml" or "gmm2s".</summary>
    public required string Estimator { get; init; }
    public required IReadOnlyList<string> Endogenous { get; init; }
    public required IReadOnlyList<string> ExcludedInstruments { get; init; }

    /// <summary>Levels absorbed by the fixed effects (ivreg2 dofminus), 0 without fixed effects.</summary>
    public required int DofMinus { get; init; }
    public required IReadOnlyList<FirstStageRow> FirstStage { get; init; }
    public TestStatistic? AndersonLm { get; init; }
    public TestStatistic? KpRkLm { get; init; }
    public double? CraggDonaldF { get; init; }
    public double? KpRkWaldF { get; init; }
    public TestStatistic? Sargan { get; init; }
    public TestStatistic? HansenJ { get; init; }
    public TestStatistic? Endogeneity { get; init; }
    public IReadOnlyList<string> EndogeneityTested { get; init; } = [];
    public AndersonRubinResult? AndersonRubin { get; init; }
    public StockYogoValues? StockYogo { get; init; }

    /// <summary>LIML's k (smallest eigenvalue λ).</summary>
    public double? LimlLambda { get; init; }

    /// <summary>The degrees-of-freedom and scaling conventions of these statistics, in words.</summary>
    public required string Conventions { get; init; }
}
