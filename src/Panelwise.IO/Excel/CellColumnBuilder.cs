using System.Globalization;
using System.Text;
using Panelwise.Data;
using Panelwise.IO.Csv;

namespace Panelwise.IO.Excel;

/// <summary>Infers a column from typed cells with the CSV rule: the first non-missing value decides
/// numeric or text; text that later turns up in a numeric column is an error, not a silent conversion.</summary>
internal sealed class CellColumnBuilder(string path, string name, HashSet<string> naStrings)
{
    private readonly List<double> _numbers = [];
    private readonly List<string?> _texts = [];
    private bool? _numeric;

    public void Add(object? cell, long row)
    {
        double number = double.NaN;
        string? text = null;
        switch (cell)
        {
            case null:
                break;
            case string s:
                s = s.Trim();
                if (naStrings.Contains(s) || s.Length == 0) break;
                if (_numeric != false && (TryNumber(s, out number) || NonFiniteValues.SpellsInfinity(Encoding.UTF8.GetBytes(s))))
                {
                    if (!double.IsFinite(number)) throw DataException.InfiniteValue(path, row, name, s);
                    break;
                }
                text = s;
                break;
            case bool b:
                number = b ? 1 : 0;
                break;
            case DateTime d:
                number = d.ToOADate();
                break;
            case IConvertible c:
                number = c.ToDouble(CultureInfo.InvariantCulture);
                break;
            default:
                text = cell.ToString();
                break;
        }
        if (double.IsInfinity(number)) throw DataException.InfiniteValue(path, row, name, Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "");
        if (text is not null && _numeric == true) throw DataException.NotANumber(path, row, name, text);
        if (_numeric is null && (text is not null || !double.IsNaN(number))) _numeric = text is null;
        if (_numeric == false && text is null && !double.IsNaN(number))
            text = cell is string raw ? raw.Trim() : Convert.ToString(cell, CultureInfo.InvariantCulture);
        _numbers.Add(number);
        _texts.Add(text);
    }

    public Column Build() => _numeric == false
        ? CategoricalColumn.FromStrings(name, _texts)
        : new NumericColumn(name, [.. _numbers]);

    private static bool TryNumber(string s, out double value)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        return NumberParser.TryParse(bytes, out value) || GroupedNumber.TryParse(bytes, true, out value)
            || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
