using Panelwise.Data;

namespace Panelwise.Study;

/// <summary>What the data step of a study returns: the frame with the study's variables and indices, the notes (as
/// printed by the run), and the data-handling report with counts, in order of the steps.</summary>
public sealed record PreparedData(Frame Frame, IReadOnlyList<string> Notes, IReadOnlyList<DataStepReport> Steps);
