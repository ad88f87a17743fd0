namespace Panelwise.Design;

/// <summary>A factor on the estimation sample (fixed effect or cluster variable).</summary>
/// <param name="Name">As written, e.g. <c>id</c> or <c>id^year</c>.</param>
/// <param name="Codes">One code per sample row in 0..<paramref name="Levels"/>-1; every level occurs.</param>
/// <param name="Levels">Number of distinct levels in the sample.</param>
public sealed record FactorVariable(string Name, int[] Codes, int Levels);
