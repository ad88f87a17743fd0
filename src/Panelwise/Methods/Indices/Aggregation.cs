namespace Panelwise.Methods.Indices;

/// <summary>How a node turns its weighted children into one score.</summary>
public enum Aggregation
{
    /// <summary>s_i = sum_j w_j x'_ij (seed 003, eq. 9).</summary>
    WeightedSum,

    /// <summary>TOPSIS relative closeness to the ideal solution (<see cref="Topsis"/>).</summary>
    Topsis,

    /// <summary>Coupling-coordination degree D of 2 or 3 child subsystems (<see cref="CouplingCoordination"/>).</summary>
    CouplingCoordination,
}
