using Panelwise.Data;
using Panelwise.IO.Yaml;

namespace Panelwise.Study;

/// <summary>Every message about a study file, in one place: what is wrong, where (file and line) and the fix.</summary>
internal static partial class StudyErrors
{
    public static string Yaml(string file, YamlProblem problem) =>
        $"{file} line {problem.Line} column {problem.Column}: {problem.Describe("Check the indentation and quote formulas and expressions.")}";

    public static string Empty(string file) =>
        $"{file} is empty: a study needs at least 'data' and 'tables'.";

    public static string UnknownKey(string file, long line, string key, string where, IReadOnlyList<string> allowed) =>
        $"{file} line {line}: unknown key '{key}' in {where}.{NameMatcher.Hint(key, allowed)} Allowed here: {string.Join(", ", allowed)}.";

    public static string WrongShape(string file, long line, string key, string expected) =>
        $"{file} line {line}: '{key}' must be {expected}.";

    public static string Missing(string file, long line, string key, string what) =>
        $"{file} line {line}: {what} needs '{key}'.";

    public static string BadWord(string file, long line, string key, string value, IEnumerable<string> allowed) =>
        $"{file} line {line}: '{value}' is not a valid {key}. Use one of: {string.Join(", ", allowed)}.";

    public static string NotANumber(string file, long line, string key, string value) =>
        $"{file} line {line}: {key} '{value}' is not a number.";

    public static string OutOfRange(string file, long line, string key, string range, string value) =>
        $"{file} line {line}: {key} must be a number {range}, not '{value}'.";

    public static string BadTableName(string file, long line, string name) =>
        $"{file} line {line}: table name '{name}' becomes a file name: use letters, digits, '_' and '-' only.";

    public static string DuplicateTable(string file, long line, string name, string first) => name == first
        ? $"{file} line {line}: a second table is named '{name}': give each table its own name (it names the output files)."
        : $"{file} line {line}: table name '{name}' differs from '{first}' only in case, and both name the same output files on Windows and macOS: give each table its own name.";

    public static string LongTableName(string file, long line, string name, int limit) =>
        $"{file} line {line}: table name '{name[..20]}...' has {name.Length} characters; it names the output files, so keep it within {limit}.";

    public static string ReservedTableName(string file, long line, string name) =>
        $"{file} line {line}: table name '{name}' is reserved for a device on Windows and cannot name a file there: choose another name.";

    public static string RunFileTableName(string file, long line, string name, string runFile) =>
        $"{file} line {line}: table name '{name}' would overwrite the run's own {runFile}: choose another name.";

    public static string TableKind(string file, long line, string name) =>
        $"{file} line {line}: table '{name}' needs exactly one of 'columns' (regressions), 'mediate', 'compare', 'multiverse', 'descriptive', 'correlation' or 'vif'.";

    public static string DataProblem(string file, long line, string problem) =>
        $"{file} line {line}: the data cannot be read: {problem}";

    public static string UnknownColumn(string file, long line, string name, string what, IEnumerable<string> known) =>
        $"{file} line {line}: {what} uses '{name}', which is neither a data column nor a variable or index defined above.{NameMatcher.Hint(name, known)} Define it under 'variables' or check the spelling.";

    public static string VariableExists(string file, long line, string name) =>
        $"{file} line {line}: variable '{name}' already exists (a data column or an earlier variable): choose another name.";

    public static string BadExpression(string file, long line, string name, string problem) =>
        $"{file} line {line}: the expression of '{name}' cannot be read: {Indent(problem)}";

    public static string BadFormula(string file, long line, string table, string problem) =>
        $"{file} line {line}: a formula of table '{table}' cannot be read: {Indent(problem)}";

    public static string BadFilter(string file, long line, string problem) =>
        $"{file} line {line}: the 'if' condition cannot be read: {Indent(problem)}";

    public static string BadOption(string file, long line, string problem) =>
        $"{file} line {line}: {problem}";

    public static string NotNumeric(string file, long line, string name, string what) =>
        $"{file} line {line}: {what} needs numbers, but '{name}' was read as text. Convert it under 'variables' or check the data for non-numeric entries.";

    public static string TrendNeedsPanel(string file, long line) =>
        $"{file} line {line}: the trend plot averages by the panel's time: add 'panel: {{ id: UNIT, time: YEAR }}' to the study or drop 'trend'.";

    public static string NeedsPanel(string file, long line, string model) =>
        $"{file} line {line}: model '{model}' needs the panel layout: add 'panel: {{ id: UNIT, time: YEAR }}' to the study.";

    public static string IndexSpec(string file, long line, string problem) =>
        $"{file} line {line}: the index spec cannot be used: {problem}";

    public static string UnknownLabel(string file, long line, string name, IEnumerable<string> known) =>
        $"{file} line {line}: label for '{name}', which is not a column, variable or formula term of this study.{NameMatcher.Hint(name, known)} Remove it or fix the name.";

    public static string ControlNotInFormula(string file, long line, string name, string table) =>
        $"{file} line {line}: control '{name}' of table '{table}' appears in none of its formulas: add it to a formula or remove it from 'controls'.";

    public static string UnknownTest(string file, long line, string name, IReadOnlyList<string> valid) =>
        $"{file} line {line}: unknown test '{name}' in 'tests'.{NameMatcher.Hint(name, valid)} Valid tests: {string.Join(", ", valid)}.";

    public static string EstimatorWithoutIv(string file, long line, string estimator) =>
        $"{file} line {line}: estimator '{estimator}' applies to IV formulas only: write the formula as \"y ~ x | fe | endogenous ~ instruments\" or remove 'estimator'.";

    public static string FirstSourceJoin(string file, long line, string data) =>
        $"{file} line {line}: {data} is the first data source, so it has nothing to join to: remove its 'join' (later sources name the keys they join on).";

    public static string JoinKeysMissing(string file, long line, string data) =>
        $"{file} line {line}: data source {data} needs 'join: [KEY, ...]', the columns it is left-joined on (e.g. join: [province, year]).";

    public static string JoinKeyUnknown(string file, long line, string key, string data, string side) =>
        $"{file} line {line}: join key '{key}' is not a column of {side}: every key must be in {data} and in the sources before it. Check the spelling or rename the column.";

    public static string JoinColumnClash(string file, long line, string column, string data) =>
        $"{file} line {line}: column '{column}' of {data} is already in the sources before it and is not a join key: add it to 'join' or drop it from one file.";

    public static string JoinDuplicateKey(string file, long line, string data, string key, int count) =>
        $"{file} line {line}: {data} has {count} rows with key {key}; a left join would duplicate rows of the data. Make the keys unique in {data} (aggregate it first) or join on more columns.";

    public static string JoinLosesRows(string file, long line, string data, int count, int rows, string key) =>
        $"{file} line {line}: {count} of {rows} rows of the data find no match in {data}, the first with key {key}; their new columns would silently be missing. Add the missing keys to {data} or check that the key values are written the same way in both files.";

    public static string SourceKind(string file, long line) =>
        $"{file} line {line}: a data source needs exactly one of 'file' (a data file), 'sql' (a DuckDB query) or 'classify' (a keyword classification).";

    public static string NoBaseSource(string file, long line) =>
        $"{file} line {line}: no data source gives the study's rows: add a file without 'as' ({{ file: a.csv }}) or a query ({{ sql: SELECT ... }}) before the sources that join to it.";

    public static string NamedTableJoin(string file, long line, string data, string table) =>
        $"{file} line {line}: '{data}' is loaded as table '{table}' for the SQL steps, so it is not joined: remove 'join' (join the result of a query over '{table}' instead) or remove 'as'.";

    public static string NoKeywords(string file, long line) =>
        $"{file} line {line}: 'keywords' is empty: list at least one keyword, e.g. keywords: [人工智能, 机器学习].";

    public static string EmptyKeyword(string file, long line) =>
        $"{file} line {line}: an empty keyword would match every text: remove it.";

    public static string BadSqlName(string file, long line, string name, string what) =>
        $"{file} line {line}: '{name}' cannot be used as {what}: use letters, digits and '_', starting with a letter, and not an SQL keyword (select, from, table, ...), so that queries can name it.";

    public static string TableNameTaken(string file, long line, string name, string where) =>
        $"{file} line {line}: table name '{name}' is already {where}: choose another name.";

    public static string UnknownTable(string file, long line, string table, IReadOnlyCollection<string> known) =>
        $"{file} line {line}: classify names table '{table}', which no source before it defines with 'as'.{NameMatcher.Hint(table, known)} " +
        (known.Count == 0 ? $"Load a file as that table first: {{ file: FILE, as: {table} }}." : $"Tables so far: {string.Join(", ", known)}.");

    public static string ClassifyProblem(string file, long line, string problem) =>
        $"{file} line {line}: the keyword classification cannot run: {problem}";

    public static string SqlProblem(string file, long line, string problem, IEnumerable<string> tables) =>
        $"{file} line {line}: DuckDB cannot run the query: {Indent(problem)}\n    Tables this query can use: {string.Join(", ", tables.DefaultIfEmpty("none"))}.";

    public static string VariableKind(string file, long line, string name) =>
        $"{file} line {line}: variable '{name}' needs exactly one of 'winsor', 'interpolate', 'group', 'map' or 'convert' (or write an expression: '{name}: log(x)').";

    public static string OptionNotForKind(string file, long line, string key, string kind, string name) =>
        $"{file} line {line}: '{key}' does not apply to a {kind} variable ('{name}'): winsor takes p, group takes top and by, map takes values, convert takes from and to; remove it.";

    public static string UnknownUnit(string file, long line, string unit, string name, IEnumerable<string> known) =>
        $"{file} line {line}: unit '{unit}' of convert variable '{name}' is not in the units table.{NameMatcher.Hint(unit, known)} Known units: {string.Join(", ", known)}; or write the conversion as an expression (e.g. x / 10000).";

    public static string UnitMismatch(string file, long line, string name, string from, string fromKind, string to, string toKind) =>
        $"{file} line {line}: convert variable '{name}' goes from '{from}' ({fromKind}) to '{to}' ({toKind}): a conversion keeps the kind of quantity. Fix 'from' or 'to'.";

    public static string SyntheticUnknown(string file, long line, string name, IEnumerable<string> known) =>
        $"{file} line {line}: 'synthetic' lists '{name}', which is not a data column.{NameMatcher.Hint(name, known)} List data columns whose values are generated (variables derived from them are marked automatically).";

    public static string InterpolateNeedsPanel(string file, long line, string name) =>
        $"{file} line {line}: variable '{name}' interpolates within units over time: add 'panel: {{ id: UNIT, time: YEAR }}' to the study.";

    public static string MapValueTwice(string file, long line, string name, string value, string first, string second) =>
        $"{file} line {line}: value '{value}' of map variable '{name}' is listed under both '{first}' and '{second}': keep it in one group.";

    private static string Indent(string text) => text.Replace("\n", "\n    ");
}
