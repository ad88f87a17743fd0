using System.Text;

namespace Panelwise.IO.Stata;

/// <summary>Formats 113-115 (Stata 8-12): a fixed binary header, then fixed-width descriptor arrays.</summary>
internal static class DtaLegacyHeader
{
    public static DtaLayout Parse(DtaBytes f)
    {
        int release = f.U8(0);
        f.LittleEndian = f.U8(1) switch
        {
            1 => false,
            2 => true,
            var b => throw f.Corrupt($"unknown byte order {b}."),
        };
        int nvar = f.U16(4);
        long nobs = f.U32(6);
        long at = 109;
        var types = new int[nvar];
        for (int i = 0; i < nvar; i++)
        {
            int t = f.U8(at + i);
            types[i] = t switch
            {
                251 => DtaType.Byte,
                252 => DtaType.Int,
                253 => DtaType.Long,
                254 => DtaType.Float,
                255 => DtaType.Double,
                >= 1 and <= 244 => t,
                _ => throw f.Corrupt($"unknown variable type {t}."),
            };
        }
        at += nvar;
        var latin = Encoding.Latin1;
        var names = Fixed(f, ref at, nvar, 33, latin);
        at += 2 * (nvar + 1);
        var formats = Fixed(f, ref at, nvar, release == 113 ? 12 : 49, Encoding.ASCII);
        var valueLabelNames = Fixed(f, ref at, nvar, 33, latin);
        var labels = Fixed(f, ref at, nvar, 81, latin);
        while (true)
        {
            // Expansion fields: (type byte, int32 length) records ending with a zero pair.
            int type = f.U8(at);
            int length = f.I32(at + 1);
            at += 5;
            if (type == 0 && length == 0) break;
            at += length;
        }
        long rowWidth = types.Sum(t => (long)DtaType.Width(t));
        return new DtaLayout
        {
            Release = release,
            Observations = nobs,
            Types = types,
            Names = names,
            Labels = labels,
            ValueLabelNames = valueLabelNames,
            Formats = formats,
            DataOffset = at,
            ValueLabelsOffset = at + rowWidth * nobs,
            Encoding = latin,
        };
    }

    private static string[] Fixed(DtaBytes f, ref long at, int count, int width, Encoding encoding)
    {
        var result = new string[count];
        for (int i = 0; i < count; i++) result[i] = f.Text(at + (long)i * width, width, encoding);
        at += (long)count * width;
        return result;
    }
}
