using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;
using Panelwise.Data;

namespace Panelwise.IO.Sql;

/// <summary>Collects one column of a DuckDB result row by row into the arrays of a <see cref="Column"/>: numbers
/// (every integer type, DECIMAL, FLOAT, DOUBLE) and BOOLEAN (0/1) into a growing <c>double[]</c> with NULL as NaN;
/// VARCHAR and ENUM into categorical codes (empty text is missing, as in the CSV reader); DATE, TIMESTAMP and UUID
/// into their ISO text (dates are not numbers in a frame: write year(d) in the query to get one). Values are read
/// with typed getters, never boxed.</summary>
internal abstract class ResultColumn(string name)
{
    public string Name { get; } = name;

    public abstract void Read(DuckDBDataReader reader, int ordinal, int row);

    public abstract Column Build(int rows);

    /// <summary>The collector for a column of DuckDB type <paramref name="typeName"/> (as GetDataTypeName reports it).</summary>
    public static ResultColumn For(string name, string typeName) => typeName switch
    {
        "Boolean" => new Numbers(name, static (r, i) => r.GetBoolean(i) ? 1 : 0),
        "TinyInt" => new Numbers(name, static (r, i) => r.GetFieldValue<sbyte>(i)),
        "SmallInt" => new Numbers(name, static (r, i) => r.GetInt16(i)),
        "Integer" => new Numbers(name, static (r, i) => r.GetInt32(i)),
        "BigInt" => new Numbers(name, static (r, i) => r.GetInt64(i)),
        "UnsignedTinyInt" => new Numbers(name, static (r, i) => r.GetByte(i)),
        "UnsignedSmallInt" => new Numbers(name, static (r, i) => r.GetFieldValue<ushort>(i)),
        "UnsignedInteger" => new Numbers(name, static (r, i) => r.GetFieldValue<uint>(i)),
        "UnsignedBigInt" => new Numbers(name, static (r, i) => r.GetFieldValue<ulong>(i)),
        "HugeInt" or "UnsignedHugeInt" => new Numbers(name, static (r, i) => (double)r.GetFieldValue<BigInteger>(i)),
        "Float" => new Numbers(name, static (r, i) => r.GetFloat(i)),
        "Double" => new Numbers(name, static (r, i) => r.GetDouble(i)),
        "Decimal" => new Numbers(name, static (r, i) => (double)r.GetDecimal(i)),
        "Varchar" or "Enum" => new Texts(name, static (r, i) => r.GetString(i)),
        "Date" => new Texts(name, static (r, i) => r.GetFieldValue<DateOnly>(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        "Timestamp" or "TimestampS" or "TimestampMs" or "TimestampNs" =>
            new Texts(name, static (r, i) => r.GetDateTime(i).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        "Uuid" => new Texts(name, static (r, i) => r.GetGuid(i).ToString()),
        _ => throw SqlException.UnsupportedType(name, typeName.ToUpperInvariant()),
    };

    private sealed class Numbers(string name, Func<DuckDBDataReader, int, double> get) : ResultColumn(name)
    {
        private double[] _values = new double[1024];

        public override void Read(DuckDBDataReader reader, int ordinal, int row)
        {
            if (row == _values.Length) Array.Resize(ref _values, _values.Length * 2);
            _values[row] = reader.IsDBNull(ordinal) ? double.NaN : get(reader, ordinal);
        }

        public override Column Build(int rows)
        {
            Array.Resize(ref _values, rows);
            return new NumericColumn(Name, _values);
        }
    }

    private sealed class Texts(string name, Func<DuckDBDataReader, int, string> get) : ResultColumn(name)
    {
        private int[] _codes = new int[1024];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _levels = [];

        public override void Read(DuckDBDataReader reader, int ordinal, int row)
        {
            if (row == _codes.Length) Array.Resize(ref _codes, _codes.Length * 2);
            if (reader.IsDBNull(ordinal)) { _codes[row] = -1; return; }
            string text = get(reader, ordinal);
            if (text.Length == 0) { _codes[row] = -1; return; }
            if (!_index.TryGetValue(text, out int code))
            {
                code = _levels.Count;
                _index.Add(text, code);
                _levels.Add(text);
            }
            _codes[row] = code;
        }

        public override Column Build(int rows)
        {
            Array.Resize(ref _codes, rows);
            return new CategoricalColumn(Name, _codes, [.. _levels]);
        }
    }
}
