namespace Panelwise.Study.Definition;

/// <summary>One entry of <c>variables</c>: a plain expression (<see cref="Kind"/> "expression", <see cref="Source"/>
/// the expression text) or a transform of the column <see cref="Source"/>: "winsor" (<see cref="P"/>),
/// "interpolate", "group" (<see cref="Top"/> percent, optional <see cref="By"/>) or "map" (<see cref="Groups"/>:
/// each group's name and the values that belong to it, in file order) or "convert" (a unit conversion
/// <see cref="From"/> one unit <see cref="To"/> another, see <see cref="Data.Transforms.MeasurementUnits"/>).</summary>
public sealed record VariableDefinition(Located<string> Name, string Kind, Located<string> Source)
{
    public const string Expression = "expression";
    public const string Winsor = "winsor";
    public const string Interpolate = "interpolate";
    public const string Group = "group";
    public const string Map = "map";
    public const string Convert = "convert";
    public const string ClassifyUnits = "classify_units";

    /// <summary>The transform keys, one of which makes an entry a transform.</summary>
    public static readonly IReadOnlyList<string> Transforms = [Winsor, Interpolate, Group, Map, Convert, ClassifyUnits];

    /// <summary>winsor: the share cut in each tail (0 &lt; p &lt; 0.5; default 0.01).</summary>
    public double P { get; init; } = 0.01;

    /// <summary>group: the top percentage marked 1 (0 &lt; top &lt; 100).</summary>
    public double Top { get; init; }

    /// <summary>group: cuts within each level of this column (e.g. year) instead of pooled.</summary>
    public Located<string>? By { get; init; }

    public IReadOnlyList<(string Group, IReadOnlyList<string> Values)> Groups { get; init; } = [];

    /// <summary>convert: the unit the source column is in (e.g. 万元).</summary>
    public Located<string>? From { get; init; }

    /// <summary>convert: the unit of the new column (e.g. 亿元).</summary>
    public Located<string>? To { get; init; }

    /// <summary>classify_units: the indicators, unit id and clustering options (<see cref="Source"/> lists the indicators).</summary>
    public UnitClassificationDefinition? Classification { get; init; }

    /// <summary>A short description for notes: "winsor(x, p = 0.01)", or the expression itself.</summary>
    public string Describe() => Kind switch
    {
        Expression => Source.Value,
        Winsor => $"winsor({Source.Value}, p = {P.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
        Group => $"group({Source.Value}, top = {Top.ToString(System.Globalization.CultureInfo.InvariantCulture)}%{(By is null ? "" : $", by {By.Value}")})",
        ClassifyUnits => $"classify_units({Source.Value})",
        Convert => $"convert({Source.Value}, {From?.Value} -> {To?.Value})",
        _ => $"{Kind}({Source.Value})",
    };
}
