namespace Panelwise.Inference;

/// <summary>Stock-Yogo (2005) critical values of the Cragg-Donald F for 2SLS maximal size distortion of a nominal 5%
/// Wald test (10%, 15%, 20%, 25%), as ivreg2 reports them next to the weak-identification statistics.</summary>
public sealed record StockYogoValues(double Size10, double Size15, double Size20, double Size25, string Source);
