namespace Panelwise.Methods.Indices;

/// <summary>Which rows supply the min, max, mean and sd that normalise an indicator.</summary>
public enum ReferenceFrame
{
    /// <summary>All rows of the sample, all units and years together (the seeds' practice).</summary>
    Pooled,

    /// <summary>Each year separately: scores compare units within a year only.</summary>
    PerYear,

    /// <summary>The rows of one base year; later years may fall outside [0, 1], which shows change over time.</summary>
    BaseYear,
}
