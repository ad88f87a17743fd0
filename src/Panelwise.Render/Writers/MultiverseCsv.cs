using System.Globalization;
using System.Text;
using Panelwise.Methods.Multiverse;

namespace Panelwise.Render.Writers;

/// <summary>The table of a multiverse's specifications as CSV (RFC 4180 quoting, numbers round-trip "R"): one row
/// per specification with the same columns as the JSON "specs".</summary>
public static class MultiverseCsv
{
    public static string Text(MultiverseResult r)
    {
        // The iv column appears only when the multiverse instruments some specification.
        var dimensions = r.Spec.Used();
        var sb = new StringBuilder("spec," + string.Join(",", dimensions.Select(d => d.Key()))
            + ",term,estimate,std_error,p_value,conf_low,conf_high,nobs\n");
        foreach (var e in r.Estimates)
        {
            sb.Append(e.Spec.Number.ToString(CultureInfo.InvariantCulture));
            foreach (var d in dimensions) sb.Append(',').Append(Quote(e.Spec.Choice(d)));
            sb.Append(',').Append(Quote(e.Term));
            foreach (double v in (double[])[e.Estimate, e.StdError, e.PValue, e.ConfLow, e.ConfHigh])
                sb.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            sb.Append(',').Append(e.Nobs.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return sb.ToString();
    }

    public static void Write(MultiverseResult r, string path) => File.WriteAllText(path, Text(r), new UTF8Encoding(false));

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
