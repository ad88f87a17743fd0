using System.Buffers.Binary;
using System.Text;

namespace Panelwise.Tests.IO;

/// <summary>Writes a small format-114 file with every numeric type, a str5 variable and Stata missing
/// codes, in either byte order: R's writers only produce little-endian long/double files.</summary>
internal static class Dta114Writer
{
    public static byte[] Write(bool littleEndian)
    {
        var o = new List<byte>();
        void U16(int v) { var b = new byte[2]; if (littleEndian) BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); else BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); o.AddRange(b); }
        void U32(long v) { var b = new byte[4]; if (littleEndian) BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v); else BinaryPrimitives.WriteUInt32BigEndian(b, (uint)v); o.AddRange(b); }
        void U64(long v) { var b = new byte[8]; if (littleEndian) BinaryPrimitives.WriteInt64LittleEndian(b, v); else BinaryPrimitives.WriteInt64BigEndian(b, v); o.AddRange(b); }
        void Text(string s, int width) { var b = new byte[width]; Encoding.Latin1.GetBytes(s).CopyTo(b, 0); o.AddRange(b); }

        string[] names = ["b", "i", "l", "f", "d", "s"];
        o.AddRange([114, (byte)(littleEndian ? 2 : 1), 1, 0]);
        U16(names.Length);
        U32(3);
        Text("test data", 81);
        Text("01 Jan 2024 00:00", 18);
        o.AddRange([251, 252, 253, 254, 255, 5]);
        foreach (var n in names) Text(n, 33);
        o.AddRange(new byte[2 * (names.Length + 1)]);
        foreach (var _ in names) Text("%9.0g", 49);
        foreach (var n in names) Text(n == "b" ? "yesno" : "", 33);
        foreach (var n in names) Text(n == "d" ? "a double" : "", 81);
        o.AddRange(new byte[5]);

        // Rows: ordinary values, then '.', then '.a' in every numeric type.
        (int B, int I, long L, int F, long D, string S)[] rows =
        [
            (1, -300, 70000, BitConverter.SingleToInt32Bits(1.5f), BitConverter.DoubleToInt64Bits(-2.25), "ab"),
            (101, 32741, 2147483621, 0x7f000000, 0x7fe0000000000000, ""),
            (102, 32742, 2147483622, 0x7f000800, 0x7fe0010000000000, "xyz"),
        ];
        foreach (var r in rows)
        {
            o.Add((byte)r.B);
            U16(r.I);
            U32(r.L);
            U32(r.F);
            U64(r.D);
            Text(r.S, 5);
        }
        // Value-label set "yesno": 0 = no, 1 = yes.
        byte[] txt = Encoding.ASCII.GetBytes("no\0yes\0");
        U32(8 + 8 * 2 + txt.Length);
        Text("yesno", 33);
        o.AddRange(new byte[3]);
        U32(2);
        U32(txt.Length);
        U32(0);
        U32(3);
        U32(0);
        U32(1);
        o.AddRange(txt);
        return [.. o];
    }
}
