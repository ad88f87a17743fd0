namespace Panelwise.Render.Tables;

/// <summary>Rows of fit statistics under a regression table's coefficients.</summary>
public enum FitStatistic
{
    Observations,
    R2,
    AdjustedR2,
    WithinR2,
    AdjustedWithinR2,
}
