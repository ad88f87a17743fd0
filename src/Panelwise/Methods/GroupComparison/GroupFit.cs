using Panelwise.Results;

namespace Panelwise.Methods.GroupComparison;

/// <summary>The model fitted on one group.</summary>
public sealed record GroupFit(string Group, RegressionResult Result);
