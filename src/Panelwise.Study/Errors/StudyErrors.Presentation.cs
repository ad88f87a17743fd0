using Panelwise.Data;

namespace Panelwise.Study;

/// <summary>Messages about how tables speak: language, text, rename and digits.</summary>
internal static partial class StudyErrors
{
    public static string UnknownTextKey(string file, long line, string key, IEnumerable<string> keys) =>
        $"{file} line {line}: '{key}' is not a fixed text of tables.{NameMatcher.Hint(key, keys)} Keys of 'text': {string.Join(", ", keys)}.";

    public static string FixedTextAsLabel(string file, long line, string name, string key) =>
        $"{file} line {line}: '{name}' is a fixed text of tables, not a variable: 'labels' names variables. Write it under 'text' instead, e.g. text: {{ {key}: ... }} (or set language: zh).";

    public static string RenameCollision(string file, long line, string table, int column, string first, string second, string row) =>
        $"{file} line {line}: table '{table}', column ({column}): 'rename' puts '{first}' and '{second}' on the same row '{row}', but a column shows one estimate per row. Rename only one of them, or give them different rows.";

    public static string UnknownRenameTerm(string file, long line, string term, IEnumerable<string> known) =>
        $"{file} line {line}: 'rename' of '{term}', which is not a formula term of this study.{NameMatcher.Hint(term, known)} Write the term as the formula does, e.g. \"l(aie, 1)\".";

    public static string DigitsTwice(string file, long line, string table) =>
        $"{file} line {line}: table '{table}' sets both 'digits' and 'decimals', which mean the same: keep 'digits'.";

    public static string BadDigits(string file, long line, int digits) =>
        $"{file} line {line}: digits: {digits} is out of range: use 0 to 8 decimals.";
}
