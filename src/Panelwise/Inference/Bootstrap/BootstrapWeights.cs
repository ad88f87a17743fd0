namespace Panelwise.Inference.Bootstrap;

/// <summary>Auxiliary weight distributions of the wild bootstrap, drawn once per cluster and replication.</summary>
public enum BootstrapWeights
{
    /// <summary>±1 with probability 1/2 each (boottest's default).</summary>
    Rademacher,

    /// <summary>Webb (2014) six-point: ±√(1/2), ±1, ±√(3/2), probability 1/6 each; better with few clusters.</summary>
    Webb,
}
