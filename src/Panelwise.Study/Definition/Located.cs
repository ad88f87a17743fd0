namespace Panelwise.Study.Definition;

/// <summary>A value from the study file with the line it was written on, so that later checks can point at it.</summary>
public sealed record Located<T>(T Value, long Line);
