namespace Panelwise.Study.Definition;

/// <summary>The non-regression tables a study can ask for.</summary>
public enum SummaryKind
{
    Descriptive,
    Correlation,
    Vif,
}
