namespace Panelwise.Methods.Indices;

/// <summary>Whether a larger raw value of an indicator means a better (<see cref="Positive"/>, written <c>+</c>)
/// or worse (<see cref="Negative"/>, written <c>-</c>) outcome.</summary>
public enum Direction
{
    Positive,
    Negative,
}
