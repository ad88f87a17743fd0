namespace Panelwise.Methods.Indices;

/// <summary>What to do with missing indicator values.</summary>
public enum MissingValuePolicy
{
    /// <summary>Stop with an error naming the column and rows.</summary>
    Error,

    /// <summary>Fill interior gaps by linear interpolation in time within each unit (as the seeds do);
    /// gaps at the start or end of a unit's series remain an error.</summary>
    Interpolate,
}
