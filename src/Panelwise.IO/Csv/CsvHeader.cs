using System.Text;
using System.Text.Unicode;
using Panelwise.Data;

namespace Panelwise.IO.Csv;

/// <summary>Opens a CSV file: settles the encoding, delimiter and column names from the first bytes.</summary>
internal static class CsvHeader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];
    private const int PrefixBytes = 1 << 20;
    private const int SmallFile = 4 << 20;

    static CsvHeader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030 is what Excel writes for Chinese-locale CSV; it needs the code-pages provider.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    public static (ByteSource Source, CsvLayout Layout) Open(string path, ReadOptions options)
    {
        // FileInfo.Length is the link's own size for a symbolic link; the opened stream's length is the data's.
        long length;
        using (var stream = File.OpenRead(path)) length = stream.Length;
        if (length == 0) throw DataException.EmptyFile(path);
        byte[] prefix = ReadPrefix(path, (int)Math.Min(length, length <= SmallFile ? SmallFile : PrefixBytes));

        Encoding encoding;
        bool guessed = false;
        int bom = 0;
        Encoding? given = options.Encoding is null ? null : Resolve(path, options.Encoding);
        if (prefix.AsSpan().StartsWith(Utf8Bom)) bom = 3;
        if (given is not null) encoding = given;
        else if (prefix.AsSpan().StartsWith(Utf16LeBom)) encoding = Encoding.Unicode;
        else if (prefix.AsSpan().StartsWith(Utf16BeBom)) encoding = Encoding.BigEndianUnicode;
        else if (bom == 3) encoding = Encoding.UTF8;
        else
        {
            var sample = prefix.AsSpan();
            int lastNewline = sample.LastIndexOfAny((byte)'\n', (byte)'\r');
            if (lastNewline >= 0 && length > prefix.Length) sample = sample[..lastNewline];
            guessed = Utf8.IsValid(sample);
            encoding = guessed ? Encoding.UTF8 : Gb18030;
        }

        ByteSource source;
        if (encoding.GetByteCount("a,\n") != 3)
        {
            // UTF-16 and friends: delimiters are not single bytes, so transcode once to UTF-8.
            prefix = Encoding.UTF8.GetBytes(File.ReadAllText(path, encoding));
            encoding = Encoding.UTF8;
            bom = 0;
            source = new ArrayByteSource(prefix);
        }
        else
        {
            source = length == prefix.Length ? new ArrayByteSource(prefix) : new MappedByteSource(path, length);
        }
        if (encoding is UTF8Encoding && !prefix.AsSpan().StartsWith(Utf8Bom)) bom = 0;

        try
        {
            if (LineEndings.HasLoneCarriageReturn(source))
            {
                var normalised = LineEndings.Normalise(source, path, options.Delimiter);
                source.Dispose();
                source = new ArrayByteSource(normalised);
                prefix = normalised;
            }
            var layout = ParseHeader(path, prefix.AsSpan(bom), bom, encoding, guessed, options);
            return (source, layout);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static CsvLayout ParseHeader(string path, ReadOnlySpan<byte> bytes, int bom, Encoding encoding, bool guessed,
        ReadOptions options)
    {
        int lineEnd = LineEnd(bytes);
        var line = bytes[..(lineEnd < 0 ? bytes.Length : lineEnd)].TrimEnd((byte)'\r');
        if (line.Trim((byte)' ').IsEmpty) throw DataException.EmptyFile(path);
        if (lineEnd < 0) throw DataException.NoRows(path);

        byte delimiter = options.Delimiter is char d
            ? (d < 128 ? (byte)d : throw DataException.Unreadable(path, null, null, $"the delimiter '{d}' is not an ASCII character."))
            : Detect(line);
        var names = Split(line, delimiter, encoding);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0) names[i] = $"V{i + 1}";
            if (!seen.Add(names[i])) throw DataException.DuplicateColumn(path, names[i]);
        }
        return new CsvLayout
        {
            Path = path,
            Delimiter = delimiter,
            Names = names,
            Encoding = encoding,
            EncodingGuessed = guessed,
            Na = new NaMatcher(options.NaStrings, encoding),
            DataStart = bom + lineEnd + 1,
        };
    }

    /// <summary>Index of the first newline outside quotes, or -1.</summary>
    private static int LineEnd(ReadOnlySpan<byte> bytes)
    {
        bool inQuotes = false;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'"') inQuotes = !inQuotes;
            else if (bytes[i] == (byte)'\n' && !inQuotes) return i;
        }
        return -1;
    }

    /// <summary>The most frequent of comma, tab and semicolon outside quotes; comma when none occurs
    /// (a one-column file).</summary>
    private static byte Detect(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> candidates = [(byte)',', (byte)'\t', (byte)';'];
        Span<int> counts = stackalloc int[3];
        bool inQuotes = false;
        foreach (byte b in line)
        {
            if (b == (byte)'"') inQuotes = !inQuotes;
            else if (!inQuotes && candidates.IndexOf(b) is var k and >= 0) counts[k]++;
        }
        int best = 0;
        for (int i = 1; i < 3; i++) if (counts[i] > counts[best]) best = i;
        return candidates[best];
    }

    private static string[] Split(ReadOnlySpan<byte> line, byte delimiter, Encoding encoding)
    {
        var names = new List<string>();
        var field = new List<byte>();
        bool inQuotes = false;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || (line[i] == delimiter && !inQuotes))
            {
                names.Add(encoding.GetString([.. field]).Trim());
                field.Clear();
            }
            else if (line[i] == (byte)'"')
            {
                if (inQuotes && i + 1 < line.Length && line[i + 1] == (byte)'"') { field.Add((byte)'"'); i++; }
                else inQuotes = !inQuotes;
            }
            else field.Add(line[i]);
        }
        return [.. names];
    }

    private static Encoding Resolve(string path, string name)
    {
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException)
        {
            throw DataException.Unreadable(path, null, null, $"unknown encoding '{name}': use utf-8, gb18030 or another .NET encoding name.");
        }
    }

    private static byte[] ReadPrefix(string path, int count)
    {
        using var handle = File.OpenHandle(path);
        var buffer = new byte[count];
        int read = 0;
        while (read < count)
        {
            int n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
            if (n == 0) break;
            read += n;
        }
        return read == count ? buffer : buffer[..read];
    }
}
