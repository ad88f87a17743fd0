using System.Text;

namespace Panelwise.IO.Stata;

/// <summary>Formats 117-119 (Stata 13+): XML-like tags around binary sections, located through the map.</summary>
internal static class DtaTaggedHeader
{
    public static DtaLayout Parse(DtaBytes f)
    {
        long at = f.Find("<release>", 0) + 9;
        int release = int.Parse(Encoding.ASCII.GetString(f.Span(at, 3)));
        if (release is < 117 or > 119) throw f.Corrupt($"format {release} is not supported (use 114-119).");
        at = f.Find("<byteorder>", at) + 11;
        f.LittleEndian = Encoding.ASCII.GetString(f.Span(at, 3)) switch
        {
            "LSF" => true,
            "MSF" => false,
            var s => throw f.Corrupt($"unknown byte order {s}."),
        };
        at = f.Find("<K>", at) + 3;
        int nvar = release == 119 ? f.I32(at) : f.U16(at);
        at = f.Find("<N>", at) + 3;
        long nobs = release == 117 ? f.U32(at) : (long)f.U64(at);

        // The map lists absolute offsets of every section, so no need to walk the variable-length ones.
        long map = f.Find("<map>", at) + 5;
        long Section(int k) => (long)f.U64(map + 8L * k);

        bool wide = release >= 118;
        var encoding = wide ? Encoding.UTF8 : Encoding.Latin1;
        var types = new int[nvar];
        long typesAt = Section(2) + "<variable_types>".Length;
        for (int i = 0; i < nvar; i++) types[i] = f.U16(typesAt + 2L * i);
        var names = Fixed(f, Section(3) + "<varnames>".Length, nvar, wide ? 129 : 33, encoding);
        var formats = Fixed(f, Section(5) + "<formats>".Length, nvar, wide ? 57 : 49, Encoding.ASCII);
        var valueLabelNames = Fixed(f, Section(6) + "<value_label_names>".Length, nvar, wide ? 129 : 33, encoding);
        var labels = Fixed(f, Section(7) + "<variable_labels>".Length, nvar, wide ? 321 : 81, encoding);
        return new DtaLayout
        {
            Release = release,
            Observations = nobs,
            Types = types,
            Names = names,
            Labels = labels,
            ValueLabelNames = valueLabelNames,
            Formats = formats,
            DataOffset = Section(9) + "<data>".Length,
            StrlsOffset = Section(10) + "<strls>".Length,
            ValueLabelsOffset = Section(11) + "<value_labels>".Length,
            Encoding = encoding,
        };
    }

    private static string[] Fixed(DtaBytes f, long at, int count, int width, Encoding encoding)
    {
        var result = new string[count];
        for (int i = 0; i < count; i++) result[i] = f.Text(at + (long)i * width, width, encoding);
        return result;
    }
}
