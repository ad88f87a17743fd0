using Panelwise.Data;
using Parquet;
using Parquet.Schema;

namespace Panelwise.IO.ParquetFiles;

/// <summary>Reads flat Parquet files (as written by DuckDB, Arrow, pandas): numeric and boolean columns to
/// <see cref="NumericColumn"/> (nulls and bools as NaN and 0/1), strings to <see cref="CategoricalColumn"/>.</summary>
internal static class ParquetFileReader
{
    // The reader is async-only; the CLI has no synchronisation context, so blocking here cannot deadlock.
    public static Frame Read(string path, ReadOptions options) => ReadAsync(path, options).GetAwaiter().GetResult();

    private static async Task<Frame> ReadAsync(string path, ReadOptions options)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.Fields.OfType<DataField>().ToArray();
        var names = fields.Select(f => f.Name).ToArray();
        foreach (var name in options.Columns ?? (IEnumerable<string>)[])
            if (Array.IndexOf(names, name) < 0) throw DataException.MissingColumn(path, name, names);

        long total = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            total += rg.RowCount;
        }
        if (total > Array.MaxLength) throw DataException.Unreadable(path, null, null, "too many rows.");

        var columns = new List<Column>();
        foreach (var field in fields)
        {
            if (options.Columns is { } wanted && !wanted.Contains(field.Name)) continue;
            var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
            if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
            {
                var text = new string?[total];
                await ForEachGroup(reader, async (rg, offset, count) =>
                    await rg.ReadAsync(field, text.AsMemory(offset, count)));
                columns.Add(CategoricalColumn.FromStrings(field.Name, text));
                continue;
            }
            var values = new double[total];
            Task Fill<T>(Func<T, double> convert) where T : struct =>
                ForEachGroup(reader, async (rg, offset, count) =>
                {
                    if (field.IsNullable)
                    {
                        var buffer = new T?[count];
                        await rg.ReadAsync(field, buffer.AsMemory());
                        for (int i = 0; i < count; i++) values[offset + i] = buffer[i] is { } v ? convert(v) : double.NaN;
                    }
                    else
                    {
                        var buffer = new T[count];
                        await rg.ReadAsync(field, buffer.AsMemory());
                        for (int i = 0; i < count; i++) values[offset + i] = convert(buffer[i]);
                    }
                });
            await (Type.GetTypeCode(type) switch
            {
                TypeCode.Double => Fill<double>(v => v),
                TypeCode.Single => Fill<float>(v => v),
                TypeCode.Int64 => Fill<long>(v => v),
                TypeCode.Int32 => Fill<int>(v => v),
                TypeCode.Int16 => Fill<short>(v => v),
                TypeCode.Byte => Fill<byte>(v => v),
                TypeCode.SByte => Fill<sbyte>(v => v),
                TypeCode.UInt16 => Fill<ushort>(v => v),
                TypeCode.UInt32 => Fill<uint>(v => v),
                TypeCode.UInt64 => Fill<ulong>(v => v),
                TypeCode.Decimal => Fill<decimal>(v => (double)v),
                TypeCode.Boolean => Fill<bool>(v => v ? 1 : 0),
                _ => throw DataException.Unreadable(path, null, field.Name,
                    $"its type {type.Name} is not supported: convert it to a number or text before saving."),
            });
            NonFiniteValues.Check(path, field.Name, values);
            columns.Add(new NumericColumn(field.Name, values));
        }
        return new Frame(columns, path);
    }

    private static async Task ForEachGroup(ParquetReader reader, Func<ParquetRowGroupReader, int, int, Task> read)
    {
        int offset = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rg = reader.OpenRowGroupReader(g);
            int count = checked((int)rg.RowCount);
            await read(rg, offset, count);
            offset += count;
        }
    }
}
