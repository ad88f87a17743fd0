namespace Panelwise.Methods.Matching;

/// <summary>The counts of one match: treated units, treated matched, distinct controls used, treated left unmatched
/// (off support: no control within the caliper, or none left) and controls available.</summary>
public sealed record MatchingCounts(int Treated, int TreatedMatched, int ControlsUsed, int OffSupport, int Controls);
