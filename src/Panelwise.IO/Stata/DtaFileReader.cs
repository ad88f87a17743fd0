using Panelwise.Data;

namespace Panelwise.IO.Stata;

/// <summary>Reads Stata .dta formats 113-119: numeric variables to <see cref="NumericColumn"/> (Stata's
/// missing values, including .a-.z, become NaN), str#/strL to <see cref="CategoricalColumn"/>, with variable
/// and value labels.</summary>
internal static class DtaFileReader
{
    private static readonly float FloatMissing = BitConverter.Int32BitsToSingle(0x7f000000);
    private static readonly double DoubleMissing = BitConverter.Int64BitsToDouble(0x7fe0000000000000);

    public static Frame Read(string path, ReadOptions options)
    {
        var f = new DtaBytes(File.ReadAllBytes(path), path);
        if (f.Bytes.Length == 0) throw DataException.EmptyFile(path);
        var layout = f.Bytes[0] switch
        {
            (byte)'<' => DtaTaggedHeader.Parse(f),
            113 or 114 or 115 => DtaLegacyHeader.Parse(f),
            var b => throw f.Corrupt($"format {b} is not supported (use 114-119)."),
        };
        if (layout.Observations > Array.MaxLength) throw f.Corrupt("too many observations.");
        foreach (var name in options.Columns ?? (IEnumerable<string>)[])
            if (Array.IndexOf(layout.Names, name) < 0) throw DataException.MissingColumn(path, name, layout.Names);

        var widths = layout.Types.Select(DtaType.Width).ToArray();
        long rowWidth = widths.Sum(w => (long)w);
        var valueLabels = DtaValueLabels.Read(f, layout);
        Dictionary<(ulong, ulong), string>? strls = null;
        var columns = new List<Column>();
        long offset = 0;
        for (int i = 0; i < layout.Types.Length; i++)
        {
            long at = layout.DataOffset + offset;
            offset += widths[i];
            if (options.Columns is { } wanted && !wanted.Contains(layout.Names[i])) continue;
            int type = layout.Types[i];
            string? label = layout.Labels[i].Length == 0 ? null : layout.Labels[i];
            if (type == DtaType.StrL) strls ??= DtaStrls.Read(f, layout);
            if (type <= 2045 || type == DtaType.StrL)
            {
                var text = new string?[layout.Observations];
                for (long r = 0; r < layout.Observations; r++)
                    text[r] = type == DtaType.StrL
                        ? DtaStrls.Lookup(strls!, f, layout.Release, at + r * rowWidth)
                        : f.Text(at + r * rowWidth, type, layout.Encoding);
                columns.Add(Relabel(CategoricalColumn.FromStrings(layout.Names[i], text), label));
                continue;
            }
            var values = new double[layout.Observations];
            for (long r = 0; r < values.Length; r++) values[r] = Number(f, type, at + r * rowWidth);
            NonFiniteValues.Check(path, layout.Names[i], values);
            columns.Add(new NumericColumn(layout.Names[i], values)
            {
                Label = label,
                ValueLabels = valueLabels.GetValueOrDefault(layout.ValueLabelNames[i]),
                DisplayFormat = layout.Formats[i].Length == 0 ? null : layout.Formats[i],
            });
        }
        return new Frame(columns, path);
    }

    private static CategoricalColumn Relabel(CategoricalColumn c, string? label) =>
        label is null ? c : new CategoricalColumn(c.Name, c.Codes, c.Levels) { Label = label };

    /// <summary>Stata keeps its 27 missing codes (., .a-.z) at the top of each type's range.</summary>
    private static double Number(DtaBytes f, int type, long at)
    {
        switch (type)
        {
            case DtaType.Byte:
                sbyte b = (sbyte)f.U8(at);
                return b > 100 ? double.NaN : b;
            case DtaType.Int:
                short s = f.I16(at);
                return s > 32740 ? double.NaN : s;
            case DtaType.Long:
                int l = f.I32(at);
                return l > 2147483620 ? double.NaN : l;
            case DtaType.Float:
                float x = f.F32(at);
                return float.IsNaN(x) || x >= FloatMissing ? double.NaN : x;
            case DtaType.Double:
                double d = f.F64(at);
                return double.IsNaN(d) || d >= DoubleMissing ? double.NaN : d;
            default:
                throw f.Corrupt($"unknown variable type {type}.");
        }
    }
}
