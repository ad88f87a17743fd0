namespace Panelwise.Methods.GroupComparison;

/// <summary>What <see cref="GroupComparison"/> compares: the same formula fitted in each group of <see cref="By"/>.</summary>
public sealed record ComparisonSpec
{
    /// <summary>A column (one group per value), an expression such as <c>year &gt;= 2020</c> (groups 0 and 1), or a
    /// quantile cut <c>topNN(x)</c> / <c>bottomNN(x)</c> (the top/bottom NN% of x over the rows passing --if, Stata
    /// _pctile cut, against the rest).</summary>
    public required string By { get; init; }

    /// <summary>Tests to run for each pair of groups: "suest", "permutation", "chow".</summary>
    public IReadOnlyList<string> Tests { get; init; } = ["suest"];

    /// <summary>Permutation replications.</summary>
    public int PermutationReps { get; init; } = 1000;

    /// <summary>Seed of the permutations.</summary>
    public int Seed { get; init; } = 12345;
}
