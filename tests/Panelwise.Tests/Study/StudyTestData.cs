using System.Globalization;
using System.Text;

namespace Panelwise.Tests.Study;

/// <summary>A seeded IV panel for study tests, written as CSV next to a study file in a fresh folder. Per unit i and
/// year t: u ~ N(0,1) makes x endogenous; x = a_i + strength*(z + 0.5 z2) + u + e; y = 1 + 0.5 x + w + a_i + 2u + e'.
/// x2 = 2w is exactly collinear with w; keep is 1 for about half of the rows (a filter that leaves gaps); an extra
/// unit with a single row is a fixed-effect singleton when <c>singleton</c> is set.</summary>
internal static class StudyTestData
{
    public static string Folder(int units, int years, double strength, bool singleton = false, int seed = 7)
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var csv = new StringBuilder("unit,year,y,x,w,z,z2,x2,keep\n");
        void Row(int i, int t, double a)
        {
            double z = Normal(), z2 = Normal(), u = Normal(), w = Normal();
            double x = a + strength * (z + 0.5 * z2) + u + Normal();
            double y = 1 + 0.5 * x + w + a + 2 * u + Normal();
            int keep = random.NextDouble() < 0.5 ? 1 : 0;
            csv.Append(string.Join(",", new object[] { i, t, y, x, w, z, z2, 2 * w, keep }
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).Append('\n');
        }
        for (int i = 1; i <= units; i++)
        {
            double a = Normal();
            for (int t = 2001; t < 2001 + years; t++) Row(i, t, a);
        }
        if (singleton) Row(units + 1, 2001, 0);
        File.WriteAllText(Path.Combine(dir, "panel.csv"), csv.ToString());
        return dir;
    }

    public static string Study(string folder, string yaml)
    {
        string path = Path.Combine(folder, "study.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
