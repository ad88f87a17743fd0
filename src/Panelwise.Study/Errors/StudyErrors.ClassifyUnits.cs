namespace Panelwise.Study;

/// <summary>The messages of the <c>classify_units</c> variable.</summary>
internal static partial class StudyErrors
{
    public static string GroupIsNotClassifyUnits(string file, long line, string name) =>
        $"{file} line {line}: variable '{name}': 'group' marks the top share of one column ({{ group: x, top: 30 }}); to group units by " +
        "indicators as 'panelwise group' does, write { classify_units: [a, b, c], id: unit, k: 3 }.";

    public static string ClassifyUnitsProblem(string file, long line, string name, string problem) =>
        $"{file} line {line}: classify_units variable '{name}': {problem}";
}
