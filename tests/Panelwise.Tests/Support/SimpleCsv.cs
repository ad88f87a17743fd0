using System.Globalization;

namespace Panelwise.Tests.Support;

/// <summary>Reads the small all-numeric reference CSVs independently of the library's reader, so that estimator
/// tests do not depend on the code under test in Panelwise.IO.</summary>
internal static class SimpleCsv
{
    public static Dictionary<string, double[]> ReadNumeric(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var cols = header.Select(_ => new double[lines.Length - 1]).ToArray();
        for (int r = 1; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            for (int c = 0; c < header.Length; c++)
                cols[c][r - 1] = double.TryParse(cells[c].Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
        }
        return header.Select((h, i) => (h, i)).ToDictionary(t => t.h, t => cols[t.i]);
    }
}
