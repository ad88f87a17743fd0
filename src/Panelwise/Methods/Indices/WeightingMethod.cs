namespace Panelwise.Methods.Indices;

/// <summary>How a node of an <see cref="IndexSpec"/> weights its children.</summary>
public enum WeightingMethod
{
    /// <summary>Weights given in the spec, renormalised to sum to 1 (with a note when they did not).</summary>
    Fixed,

    /// <summary>Every child gets 1/m.</summary>
    Equal,

    /// <summary>Entropy-weight method (<see cref="EntropyWeights"/>).</summary>
    Entropy,

    /// <summary>CRITIC: contrast intensity times conflict (<see cref="CriticWeights"/>).</summary>
    Critic,
}
