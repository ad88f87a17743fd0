namespace Panelwise.Study;

/// <summary>One step of a study's data preparation with its counts (values filled, converted, rows excluded), for the
/// data-handling section of checks.md and results.json. <see cref="Describe"/> says it in one sentence.</summary>
public abstract record DataStepReport
{
    /// <summary>"classify", "interpolate", "convert", "sample" or "index".</summary>
    public abstract string Kind { get; }

    /// <summary>The step in plain words with its counts.</summary>
    public abstract string Describe();

    protected static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    protected static string Year(double? t) => t is double v ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "none";
}
