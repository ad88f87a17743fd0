namespace Panelwise.Methods.Indices;

/// <summary>The words users write for the spec's enumerations (YAML, CLI, JSON output), mapped in one place.</summary>
public static class IndexVocabulary
{
    public static string Text(this Direction d) => d == Direction.Positive ? "+" : "-";

    public static string Text(this WeightingMethod m) => m switch
    {
        WeightingMethod.Fixed => "fixed",
        WeightingMethod.Equal => "equal",
        WeightingMethod.Entropy => "entropy",
        _ => "critic",
    };

    public static string Text(this Aggregation a) => a switch
    {
        Aggregation.WeightedSum => "weighted_sum",
        Aggregation.Topsis => "topsis",
        _ => "coupling_coordination",
    };

    public static IReadOnlyDictionary<string, Direction> Directions { get; } = new Dictionary<string, Direction>
    {
        ["+"] = Direction.Positive, ["positive"] = Direction.Positive,
        ["-"] = Direction.Negative, ["negative"] = Direction.Negative,
    };

    public static IReadOnlyDictionary<string, WeightingMethod> Methods { get; } = new Dictionary<string, WeightingMethod>
    {
        ["fixed"] = WeightingMethod.Fixed, ["equal"] = WeightingMethod.Equal,
        ["entropy"] = WeightingMethod.Entropy, ["critic"] = WeightingMethod.Critic,
    };

    public static IReadOnlyDictionary<string, Aggregation> Aggregations { get; } = new Dictionary<string, Aggregation>
    {
        ["weighted_sum"] = Aggregation.WeightedSum, ["topsis"] = Aggregation.Topsis,
        ["coupling_coordination"] = Aggregation.CouplingCoordination, ["coupling"] = Aggregation.CouplingCoordination,
    };

    public static IReadOnlyDictionary<string, NormalisationMethod> Normalisations { get; } = new Dictionary<string, NormalisationMethod>
    {
        ["min_max"] = NormalisationMethod.MinMax, ["z_score"] = NormalisationMethod.ZScore,
        ["ratio_to_max"] = NormalisationMethod.RatioToMax,
    };

    public static IReadOnlyDictionary<string, ReferenceFrame> References { get; } = new Dictionary<string, ReferenceFrame>
    {
        ["pooled"] = ReferenceFrame.Pooled, ["per_year"] = ReferenceFrame.PerYear, ["base_year"] = ReferenceFrame.BaseYear,
    };

    public static IReadOnlyDictionary<string, WeightingScope> Scopes { get; } = new Dictionary<string, WeightingScope>
    {
        ["hierarchical"] = WeightingScope.Hierarchical, ["flat"] = WeightingScope.Flat,
    };

    public static IReadOnlyDictionary<string, MissingValuePolicy> MissingPolicies { get; } = new Dictionary<string, MissingValuePolicy>
    {
        ["error"] = MissingValuePolicy.Error, ["interpolate"] = MissingValuePolicy.Interpolate,
    };
}
