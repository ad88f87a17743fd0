using System.Globalization;
using System.Runtime.CompilerServices;
using Panelwise.Data;

namespace Panelwise.IO.Csv;

/// <summary>Parses one chunk of complete rows straight from UTF-8 (or other ASCII-compatible) bytes, writing
/// numbers (or chunk-local level codes, as doubles) into shared output arrays at this chunk's offset.
/// Structural problems and junk values are recorded, not thrown, so the caller can report the earliest one
/// with a file-wide row number.</summary>
internal ref struct ChunkParser
{
    private const byte Quote = (byte)'"';
    private readonly ReadOnlySpan<byte> _buf;
    private readonly CsvLayout _layout;
    private readonly ColumnMode[] _modes;
    private readonly double[]?[] _outs;
    private readonly long _base;
    private readonly int _capacity;
    private readonly ChunkResult _result;
    private byte[] _scratch = new byte[256];
    private int _scratchLength;
    private bool _modesChanged;

    private ChunkParser(ReadOnlySpan<byte> buf, CsvLayout layout, ColumnMode[] modes, double[]?[] outs, long baseIndex, int capacity)
    {
        _buf = buf;
        _layout = layout;
        _modes = (ColumnMode[])modes.Clone();
        _outs = outs;
        _base = baseIndex;
        _capacity = capacity;
        _result = new ChunkResult(modes.Length);
        for (int c = 0; c < modes.Length; c++)
            if (modes[c] != ColumnMode.Skip) _result.Columns[c] = new ChunkColumn();
    }

    /// <summary>Parses <paramref name="buf"/>; row i of the chunk goes to index <paramref name="baseIndex"/> + i.</summary>
    public static ChunkResult Parse(ReadOnlySpan<byte> buf, CsvLayout layout, ColumnMode[] modes, double[]?[] outs,
        long baseIndex, int capacity)
    {
        var parser = new ChunkParser(buf, layout, modes, outs, baseIndex, capacity);
        parser.Run();
        return parser._result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run()
    {
        var buf = _buf;
        int len = buf.Length;
        byte delim = _layout.Delimiter;
        int ncol = _modes.Length;
        bool numberFirst = !_layout.Na.CheckBeforeNumber;
        string path = _layout.Path;
        // The fast path covers rows that end before the chunk's last newline (see FastRowParser's bounds note).
        int fastEnd = buf.LastIndexOf((byte)'\n') + 1;
        bool fastUsable = numberFirst && FastRowParser.Supports(delim);
        var rows = new FastRowParser(buf[..fastEnd], delim, _modes, _outs);
        bool fast = fastUsable && rows.Usable;
        bool kindsMarked = false;
        int p = 0, row = 0;
        while (p < len)
        {
            if (fast && p < fastEnd && row < _capacity)
            {
                int next = rows.Row(p, _base + row);
                if (next >= 0)
                {
                    if (!kindsMarked) kindsMarked = MarkNumeric();
                    p = next;
                    row++;
                    continue;
                }
            }
            byte b = buf[p];
            if (ncol > 1 && (b == '\n' || b == '\r'))
            {
                p++;
                continue;
            }
            if (row >= _capacity)
            {
                _result.Fail(row, r => DataException.Unreadable(path, r, null,
                    "rows end in bare carriage returns (old Mac format): save the file with Windows or Unix line endings."));
                break;
            }
            long at = _base + row;
            for (int c = 0; c < ncol; c++)
            {
                if (p < len && buf[p] == Quote)
                {
                    int after = ReadQuoted(p);
                    if (after < 0)
                    {
                        string name = _layout.Names[c];
                        _result.Fail(row, r => DataException.UnclosedQuote(path, r, name));
                        _result.Rows = row;
                        return;
                    }
                    p = after;
                    if (_modes[c] != ColumnMode.Skip) StoreSlow(c, at, row, _scratch.AsSpan(0, _scratchLength), quoted: true);
                }
                else
                {
                    switch (_modes[c])
                    {
                        case ColumnMode.Skip:
                            while (p < len && buf[p] != delim && buf[p] != '\n' && buf[p] != '\r') p++;
                            break;
                        case ColumnMode.Auto when numberFirst:
                            int e = NumberParser.ParsePrefix(buf, p, out double v);
                            if (e >= 0 && (e == len || buf[e] == delim || buf[e] == '\n' || buf[e] == '\r') && double.IsFinite(v))
                            {
                                _outs[c]![at] = v;
                                _result.Columns[c]!.Kind = ChunkKind.Numeric;
                                p = e;
                                break;
                            }
                            goto default;
                        default:
                            int end = FieldEnd(p);
                            StoreSlow(c, at, row, buf[p..end], quoted: false);
                            p = end;
                            break;
                    }
                }
                if (c < ncol - 1)
                {
                    if (p < len && buf[p] == delim)
                    {
                        p++;
                        continue;
                    }
                    int fields = c + 1;
                    _result.Fail(row, r => DataException.RaggedRow(path, r, fields, ncol));
                    _result.Rows = row;
                    return;
                }
            }
            if (p < len)
            {
                if (buf[p] == delim)
                {
                    int fields = ncol + CountToLineEnd(p, delim);
                    _result.Fail(row, r => DataException.RaggedRow(path, r, fields, ncol));
                    _result.Rows = row;
                    return;
                }
                if (buf[p] == '\r') p++;
                if (p < len && buf[p] == '\n') p++;
            }
            row++;
            if (_modesChanged)
            {
                // The row turned a column to text or gave up on it: the fast path must follow.
                _modesChanged = false;
                rows = new FastRowParser(buf[..fastEnd], delim, _modes, _outs);
                fast = fastUsable && rows.Usable;
            }
        }
        _result.Rows = row;
    }

    /// <summary>A row taken by the fast path stored a number in every Auto column.</summary>
    private readonly bool MarkNumeric()
    {
        for (int c = 0; c < _modes.Length; c++)
            if (_modes[c] == ColumnMode.Auto) _result.Columns[c]!.Kind = ChunkKind.Numeric;
        return true;
    }

    private readonly int FieldEnd(int p)
    {
        int k = _buf[p..].IndexOfAny(_layout.Delimiter, (byte)'\n', (byte)'\r');
        return k < 0 ? _buf.Length : p + k;
    }

    private readonly int CountToLineEnd(int p, byte delim)
    {
        int k = _buf[p..].IndexOfAny((byte)'\n', (byte)'\r');
        return _buf.Slice(p, k < 0 ? _buf.Length - p : k).Count(delim);
    }

    /// <summary>Unescapes a quoted field (doubled quotes) into the scratch buffer; returns the index of the
    /// terminator after it, or -1 when the quote never closes. Text between the closing quote and the
    /// terminator is kept, unless it is only spaces, to be lenient with hand-edited files.</summary>
    private int ReadQuoted(int p)
    {
        _scratchLength = 0;
        int q = p + 1;
        while (true)
        {
            int k = _buf[q..].IndexOf(Quote);
            if (k < 0) return -1;
            Append(_buf.Slice(q, k));
            q += k + 1;
            if (q < _buf.Length && _buf[q] == Quote)
            {
                Append([Quote]);
                q++;
                continue;
            }
            break;
        }
        int end = FieldEnd(q);
        var tail = _buf[q..end];
        if (!tail.Trim((byte)' ').IsEmpty) Append(tail);
        return end;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_scratchLength + bytes.Length > _scratch.Length)
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + bytes.Length));
        bytes.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += bytes.Length;
    }

    private void StoreSlow(int c, long at, int row, ReadOnlySpan<byte> field, bool quoted)
    {
        if (_modes[c] == ColumnMode.Text)
        {
            StoreText(c, at, row, field, quoted);
            return;
        }
        var col = _result.Columns[c]!;
        var t = Trim(field);
        var na = _layout.Na;
        if (t.IsEmpty || (na.CheckBeforeNumber && na.IsNa(t)))
        {
            _outs[c]![at] = double.NaN;
            return;
        }
        if (TryNumber(t, quoted || _layout.Delimiter != (byte)',', out double v) || NonFiniteValues.SpellsInfinity(t))
        {
            if (!double.IsFinite(v) || NonFiniteValues.SpellsInfinity(t))
            {
                _outs[c]![at] = double.NaN;
                if (!na.IsNa(t)) FailInfinite(c, row, t);
                return;
            }
            _outs[c]![at] = v;
            col.Kind = ChunkKind.Numeric;
            return;
        }
        if (na.IsNa(t))
        {
            _outs[c]![at] = double.NaN;
            return;
        }
        if (col.Kind == ChunkKind.Empty)
        {
            _modes[c] = ColumnMode.Text;
            _modesChanged = true;
            StoreText(c, at, row, field, quoted);
            return;
        }
        // Numbers then junk: the column is numeric with a bad value; stop filling it, the caller reports it.
        col.FailRow = row;
        col.FailValue = t.ToArray();
        _modes[c] = ColumnMode.Skip;
        _modesChanged = true;
    }

    /// <summary>An infinite value (1e309, inf, -Infinity, ∞): reported with its row and column; the first such row of a
    /// chunk wins unless a structural error came earlier.</summary>
    private readonly void FailInfinite(int c, int row, ReadOnlySpan<byte> text)
    {
        string name = _layout.Names[c], path = _layout.Path, value = System.Text.Encoding.UTF8.GetString(text);
        _result.Fail(row, r => DataException.InfiniteValue(path, r, name, value));
    }

    private readonly void StoreText(int c, long at, int row, ReadOnlySpan<byte> field, bool quoted)
    {
        var col = _result.Columns[c]!;
        var value = quoted ? field : Trim(field);
        if (value.IsEmpty || (!quoted && _layout.Na.IsNa(value)))
        {
            _outs[c]![at] = double.NaN;
            return;
        }
        if (col.Kind != ChunkKind.Text)
        {
            col.Kind = ChunkKind.Text;
            col.TextStartRow = row;
            col.TextStartValue = value.ToArray();
        }
        col.Levels ??= new ByteLevelTable();
        _outs[c]![at] = col.Levels.CodeOf(value);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s) => s.Trim((byte)' ').Trim((byte)'\t');

    private static bool TryNumber(ReadOnlySpan<byte> t, bool commaGroups, out double v) =>
        NumberParser.TryParse(t, out v)
        || GroupedNumber.TryParse(t, commaGroups, out v)
        || double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v);
}
