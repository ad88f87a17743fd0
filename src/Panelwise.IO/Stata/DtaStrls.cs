using System.Text;

namespace Panelwise.IO.Stata;

/// <summary>strL values live in a separate GSO table, keyed by (variable, observation) pairs.</summary>
internal static class DtaStrls
{
    public static Dictionary<(ulong, ulong), string> Read(DtaBytes f, DtaLayout layout)
    {
        var map = new Dictionary<(ulong, ulong), string>();
        long at = layout.StrlsOffset;
        while (at >= 0 && at + 3 <= f.Bytes.Length && f.Span(at, 3).SequenceEqual("GSO"u8))
        {
            ulong v = f.U32(at + 3);
            ulong o = layout.Release == 117 ? f.U32(at + 7) : f.U64(at + 7);
            at += layout.Release == 117 ? 11 : 15;
            int type = f.U8(at);
            int length = checked((int)f.U32(at + 1));
            at += 5;
            var data = f.Span(at, length);
            // Type 130 is text with a trailing NUL; 129 is binary, which we still read as text.
            if (type == 130 && data.Length > 0 && data[^1] == 0) data = data[..^1];
            map[(v, o)] = (layout.Release == 117 ? Encoding.Latin1 : Encoding.UTF8).GetString(data);
            at += length;
        }
        return map;
    }

    /// <summary>The text a data cell points to: (v, o) is 4+4 bytes in 117 and 2+6 in 118; Stata's 119 uses
    /// 3+5 but ReadStat (haven) writes 2+6, so 119 tries both.</summary>
    public static string Lookup(Dictionary<(ulong, ulong), string> strls, DtaBytes f, int release, long at)
    {
        if (release == 117) return strls.GetValueOrDefault((f.U32(at), f.U32(at + 4)), "");
        ulong raw = f.U64(at);
        if (release == 119 && strls.TryGetValue((raw & 0xFFFFFF, raw >> 24), out var text)) return text;
        return strls.GetValueOrDefault((raw & 0xFFFF, raw >> 16), "");
    }
}
