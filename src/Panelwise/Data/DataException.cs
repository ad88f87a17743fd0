namespace Panelwise.Data;

/// <summary>Bad input data: names the file, row and column where known, and says what to do.
/// Messages are built here, in one place, by static factories.</summary>
public sealed class DataException : UserInputException
{
    public DataException(string message) : base(message) { }

    private static string Where(string? source) => source is null ? "the data" : source;

    public static DataException MissingColumn(string? source, string name, IEnumerable<string> available)
    {
        var names = available.ToList();
        string hint = NameMatcher.Hint(name, names);
        if (hint.Length == 0) hint = $" Available columns: {string.Join(", ", names.Take(20))}{(names.Count > 20 ? ", ..." : "")}.";
        return new DataException($"Column '{name}' is not in {Where(source)}.{hint}") { File = source, Column = name };
    }

    public static DataException NotNumeric(string? source, string name) =>
        new($"Column '{name}' in {Where(source)} holds text, not numbers: use it as a factor (i({name}) or a fixed effect), or clean it.")
        { File = source, Column = name };

    public static DataException DuplicateColumn(string? source, string name) =>
        new($"Column name '{name}' appears twice in {Where(source)}: rename one of them.") { File = source, Column = name };

    public static DataException Unreadable(string source, long? row, string? column, string problem) =>
        new($"Cannot read {source}{(row is null ? "" : $", row {row}")}{(column is null ? "" : $", column '{column}'")}: {problem}")
        { File = source, Row = row, Column = column };

    public static DataException DuplicatePanelKey(string? source, string id, string time, string idValue, string timeValue, long rowA, long rowB) =>
        new($"Duplicate panel key in {Where(source)}: ({id}, {time}) = ({idValue}, {timeValue}) appears in rows {rowA} and {rowB}. " +
            $"Each unit may appear once per period: remove duplicates or declare a different {{Panel}}.")
        { File = source };

    public static DataException FileNotFound(string path) =>
        new($"File {path} does not exist: check the path (relative paths start from {Environment.CurrentDirectory}).") { File = path };

    public static DataException UnknownFormat(string path, string extension, IEnumerable<string> known) =>
        new($"Cannot read {path}: unknown file type '{(extension.Length == 0 ? "(none)" : extension)}'. " +
            $"Save it as one of {string.Join(", ", known)}.") { File = path };

    /// <summary>An output CSV path that is empty or names an existing folder (the user's --out).</summary>
    public static DataException BadOutputPath(string path) => string.IsNullOrWhiteSpace(path)
        ? new DataException("The output file name ({Output}) is empty: give a file name such as result.csv.")
        : new DataException($"The output path {path} is a folder: give a file name for the CSV, e.g. {Path.Combine(path, "result.csv")}.") { File = path };

    public static DataException EmptyFile(string path) =>
        new($"{path} is empty: it needs a header line and at least one data row.") { File = path };

    public static DataException NoRows(string path) =>
        new($"{path} has a header but no data rows.") { File = path };

    public static DataException NotANumber(string path, long row, string column, string value) =>
        new($"Column '{column}' in {path}, row {row}, holds '{value}', not a number: clean it or pass {{NaStrings}} {value}.")
        { File = path, Row = row, Column = column };

    /// <summary>An infinite value (inf, -Infinity, ∞, or a number beyond ±1.8e308 such as 1e309) in a data file.</summary>
    public static DataException InfiniteValue(string? source, long row, string column, string value) =>
        new($"Column '{column}' in {Where(source)}, row {row}, holds '{value}', an infinite value: estimates cannot use it. " +
            "Replace it with a finite number, or leave the cell empty (or NA) to treat it as missing.")
        { File = source, Row = row, Column = column };

    public static DataException RaggedRow(string path, long row, int fields, int expected) =>
        new($"Row {row} of {path} has {fields} fields but the header has {expected}: " +
            "quote text that contains the delimiter, or fix the row.") { File = path, Row = row };

    public static DataException UnclosedQuote(string path, long row, string column) =>
        new($"Row {row} of {path}, column '{column}', opens a quote that never closes: close or remove the quote.")
        { File = path, Row = row, Column = column };

    public static DataException MissingSheet(string path, string sheet, IEnumerable<string> available) =>
        new($"Sheet '{sheet}' is not in {path}. Available sheets: {string.Join(", ", available)}.") { File = path };

    /// <summary>A text time column; <paramref name="example"/> is a value that looks like a date (2015-01-01), if any.</summary>
    public static DataException PanelTimeNotNumeric(string? source, string time, string? example = null) =>
        new(example is null
            ? $"Panel time column '{time}' in {Where(source)} holds text: it must hold whole numbers (years, or period numbers)."
            : $"Panel time column '{time}' in {Where(source)} holds dates as text (e.g. '{example}'): the panel time must be a whole number " +
              "of periods. Add a column with the period (the year, e.g. 2015; or year*12 + month for months) and pass it to {Panel}, " +
              "or save the data as Stata .dta with the date in a %td, %tm, %tq or %ty format.")
        { File = source, Column = time };

    public static DataException PanelTimeNotInteger(string? source, string time, long row, string value) =>
        new($"Panel time column '{time}' in {Where(source)} has {value} in row {row}: time must be a whole number (years, or period numbers)" +
            (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) && Math.Abs(v) > 1e9
                ? " of at most 1e9 in size; a timestamp in milliseconds (Stata %tc) is read as one only from a .dta file with its %tc format: give the data a period column (year, month or day number)."
                : "."))
        { File = source, Column = time, Row = row };

    public static DataException PanelRequired(string term) =>
        new($"{term} needs the panel: pass {{Panel}} id,time");

    public static DataException NonPositiveWeight(string? source, string weight, long row, string value) =>
        new($"Weight '{weight}' is {value} in row {row} of {Where(source)}: weights must be positive. " +
            $"Drop such rows with {{If}} \"{weight} > 0\".")
        { File = source, Column = weight, Row = row };

    public static DataException EmptySample(string? source, string reason) =>
        new($"No observations left in {Where(source)}: {reason}") { File = source };

    public static DataException UnknownLevel(string? source, string variable, string level, IReadOnlyList<string> levels) =>
        new($"i({variable}, ref = {level}): '{level}' is not a level of '{variable}' in {Where(source)}. " +
            $"Levels: {string.Join(", ", levels.Take(20))}{(levels.Count > 20 ? ", ..." : "")}.")
        { File = source, Column = variable };

    public static DataException CannotEvaluate(string? source, string term, string problem) =>
        new($"Cannot compute {term} from {Where(source)}: {problem}") { File = source };
}
