namespace Panelwise.Study.Definition;

/// <summary>The optional <c>plots:</c> section: the variables of the time-trend plot (means by the panel's time) and
/// its title. Coefficient plots need no settings: every regression table gets one.</summary>
public sealed record PlotsDefinition(IReadOnlyList<Located<string>> Trend, string TrendTitle, long Line);
