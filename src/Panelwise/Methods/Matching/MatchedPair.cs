namespace Panelwise.Methods.Matching;

/// <summary>A treated and a control frame row matched, with the control's weight in that treated unit's counterfactual (1/m).</summary>
public sealed record MatchedPair(int TreatedRow, int ControlRow, double Weight);
