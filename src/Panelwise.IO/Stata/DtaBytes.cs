using System.Buffers.Binary;
using System.Text;

namespace Panelwise.IO.Stata;

/// <summary>The whole .dta file with reads in the file's declared byte order.</summary>
internal sealed class DtaBytes(byte[] bytes, string path)
{
    public byte[] Bytes { get; } = bytes;
    public string Path { get; } = path;
    public bool LittleEndian { get; set; } = true;

    public byte U8(long at) => Bytes[Check(at, 1)];
    public ushort U16(long at) => LittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(Span(at, 2)) : BinaryPrimitives.ReadUInt16BigEndian(Span(at, 2));
    public short I16(long at) => (short)U16(at);
    public uint U32(long at) => LittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(Span(at, 4)) : BinaryPrimitives.ReadUInt32BigEndian(Span(at, 4));
    public int I32(long at) => (int)U32(at);
    public ulong U64(long at) => LittleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(Span(at, 8)) : BinaryPrimitives.ReadUInt64BigEndian(Span(at, 8));
    public float F32(long at) => BitConverter.Int32BitsToSingle(I32(at));
    public double F64(long at) => BitConverter.Int64BitsToDouble((long)U64(at));

    public ReadOnlySpan<byte> Span(long at, int length) => Bytes.AsSpan(Check(at, length), length);

    /// <summary>A fixed-width, NUL-padded text field.</summary>
    public string Text(long at, int width, Encoding encoding)
    {
        var span = Span(at, width);
        int nul = span.IndexOf((byte)0);
        return encoding.GetString(nul < 0 ? span : span[..nul]);
    }

    /// <summary>Position of an ASCII tag at or after <paramref name="from"/>; a corrupt-file error otherwise.</summary>
    public long Find(string tag, long from)
    {
        int k = Bytes.AsSpan((int)Math.Min(from, Bytes.Length)).IndexOf(Encoding.ASCII.GetBytes(tag));
        if (k < 0) throw Corrupt($"the section {tag} is missing.");
        return from + k;
    }

    public Panelwise.Data.DataException Corrupt(string problem) =>
        Panelwise.Data.DataException.Unreadable(Path, null, null, $"not a valid Stata file: {problem}");

    private int Check(long at, int length)
    {
        if (at < 0 || at + length > Bytes.Length) throw Corrupt("it ends early (truncated download?).");
        return (int)at;
    }
}
