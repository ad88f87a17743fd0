namespace Panelwise.Methods.Descriptive;

/// <summary>Summary statistics of one variable over its non-missing values in the sample. <see cref="Sd"/> is the
/// sample standard deviation (n - 1 denominator, Stata's <c>summarize</c>); the median averages the two middle
/// values for an even count (Stata's <c>tabstat, s(p50)</c>).</summary>
public sealed record VariableSummary(string Name, int N, double Mean, double Median, double Sd, double Min, double Max,
    double P25, double P75);
