using Panelwise.Formula;

namespace Panelwise.Design;

/// <summary>A term evaluated on the whole frame: numeric values, or factor codes with an optional slope.</summary>
internal sealed class TermValues
{
    public required Term Term { get; init; }
    public double[]? Values { get; init; }
    public int[]? Codes { get; init; }
    public string[] Levels { get; init; } = [];
    public double[]? Slope { get; init; }
}
