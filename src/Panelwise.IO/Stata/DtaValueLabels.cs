namespace Panelwise.IO.Stata;

/// <summary>Value-label sets (name -> value -> text), read from the end of the file.</summary>
internal static class DtaValueLabels
{
    public static Dictionary<string, IReadOnlyDictionary<double, string>> Read(DtaBytes f, DtaLayout layout)
    {
        var sets = new Dictionary<string, IReadOnlyDictionary<double, string>>(StringComparer.Ordinal);
        long at = layout.ValueLabelsOffset;
        bool tagged = layout.Release >= 117;
        int nameWidth = layout.Release >= 118 ? 129 : 33;
        while (at >= 0 && at < f.Bytes.Length)
        {
            if (tagged)
            {
                if (at + 5 > f.Bytes.Length || !f.Span(at, 5).SequenceEqual("<lbl>"u8)) break;
                at += 5;
            }
            else if (at + 4 > f.Bytes.Length) break;
            int length = f.I32(at);
            string name = f.Text(at + 4, nameWidth, layout.Encoding);
            long table = at + 4 + nameWidth + 3;
            int n = f.I32(table);
            long offsets = table + 8, values = offsets + 4L * n, text = values + 4L * n;
            var set = new Dictionary<double, string>();
            for (int k = 0; k < n; k++)
            {
                long start = text + f.I32(offsets + 4L * k);
                int width = (int)Math.Min(table + length - start, int.MaxValue);
                set[f.I32(values + 4L * k)] = f.Text(start, Math.Max(width, 0), layout.Encoding);
            }
            sets[name] = set;
            at = table + length + (tagged ? 6 : 0);
        }
        return sets;
    }
}
