namespace Panelwise.Render.Tables;

/// <summary>What a regression table shows in parentheses under each coefficient.</summary>
public enum BracketStatistic
{
    StandardError,
    TStatistic,
}
