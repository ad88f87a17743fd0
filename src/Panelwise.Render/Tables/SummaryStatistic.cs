namespace Panelwise.Render.Tables;

/// <summary>Columns a descriptive-statistics table can show, in the order the user lists them.</summary>
public enum SummaryStatistic
{
    N,
    Mean,
    Median,
    Sd,
    Min,
    Max,
    P25,
    P75,
}
