using System.Globalization;

namespace Panelwise.Study;

internal static partial class StudyErrors
{
    public static string EmptyDimension(string file, long line, string key) =>
        $"{file} line {line}: the multiverse dimension '{key}' has no choice or a blank one: list at least one "
        + $"(write '{(key is "sample" or "if" ? "all" : "none")}' for {(key is "sample" or "if" ? "the whole sample" : "nothing added")}) or remove the key.";

    public static string MultiverseChoiceShape(string file, long line, string key, string choice) =>
        $"{file} line {line}: the {key} choice '{choice}' must be plain terms: no '~' or '|', no csw()/sw() (list each variant as a choice of its own; an IV specification is not available in a multiverse).";

    public static string MultiverseFormula(string file, long line, string table, string formula, string problem) =>
        $"{file} line {line}: the specification \"{formula}\" of table '{table}' cannot be read: {Indent(problem)}";

    /// <summary>Too many specifications; <paramref name="stage"/> is ", before exclusions" or ", after exclusions"
    /// when there are exclusions, "" otherwise.</summary>
    public static string TooManySpecifications(string file, long line, string table, long count, string sizes, string stage, int limit) =>
        $"{file} line {line}: the multiverse of table '{table}' has {count.ToString("N0", CultureInfo.InvariantCulture)} specifications ({sizes} choices{stage}); "
        + $"a study block fits at most {limit.ToString("N0", CultureInfo.InvariantCulture)}: drop choices or leave combinations out with 'exclude'.";

    public static string DuplicateChoice(string file, long line, string key, string choice) =>
        $"{file} line {line}: the {key} choice '{choice}' is listed twice (white space aside): each choice once.";

    public static string SpecificationFileClash(string file, long line, string name, string multiverse) =>
        $"{file} line {line}: table name '{name}' would share {name}.xlsx with the table of specifications of multiverse table '{multiverse}': choose another name.";

    public static string MultiverseRun(string file, long line, string table, string problem) =>
        $"{file} line {line}: table '{table}' (multiverse): {problem}";
}
