namespace Panelwise.Data;

/// <summary>A columnar table: named columns of equal length. Immutable in shape; column arrays are shared.</summary>
public sealed class Frame
{
    private readonly Dictionary<string, int> _index;

    public Frame(IReadOnlyList<Column> columns, string? source = null)
    {
        Columns = columns;
        Source = source;
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length != RowCount)
                throw new ArgumentException($"Column '{columns[i].Name}' has {columns[i].Length} rows, expected {RowCount}.");
            if (!_index.TryAdd(columns[i].Name, i))
                throw DataException.DuplicateColumn(source, columns[i].Name);
        }
    }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Where the data came from (file path), for error messages; null when built in memory.</summary>
    public string? Source { get; }

    /// <summary>True when a column of that exact name exists.</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>The column of that name, or null.</summary>
    public Column? Find(string name) => _index.TryGetValue(name, out int i) ? Columns[i] : null;

    /// <summary>The column of that name; a <see cref="DataException"/> naming the source and close matches otherwise.</summary>
    public Column this[string name] => Find(name) ?? throw DataException.MissingColumn(Source, name, Columns.Select(c => c.Name));

    /// <summary>The numeric column of that name; an error when it is missing or categorical.</summary>
    public NumericColumn Numeric(string name) => this[name] as NumericColumn
        ?? throw DataException.NotNumeric(Source, name);

    /// <summary>A new frame with <paramref name="column"/> added (or replacing a column of the same name).</summary>
    public Frame With(Column column)
    {
        var list = Columns.ToList();
        int i = list.FindIndex(c => c.Name == column.Name);
        if (i >= 0) list[i] = column; else list.Add(column);
        return new Frame(list, Source);
    }

    /// <summary>A new frame with the rows where <paramref name="keep"/> is true.</summary>
    public Frame Filter(ReadOnlySpan<bool> keep)
    {
        int kept = 0;
        foreach (bool k in keep) if (k) kept++;
        var cols = new Column[Columns.Count];
        for (int i = 0; i < cols.Length; i++) cols[i] = Columns[i].Filter(keep, kept);
        return new Frame(cols, Source);
    }
}
