using System.Globalization;
using System.Text;

namespace HightechResilience.Generate;

/// <summary>provinces.csv: the raw columns, rounded as written, in the units of the yearbooks (a unit mix the study
/// converts), and the 15 indicators recomputed from the rounded columns exactly as synthetic.yaml derives them.</summary>
internal sealed class PanelTable(
    (string Name, string Region, double Gdp2010, double Population2010, double Area)[] provinces, int nYear, int firstYear,
    Dictionary<string, double[]> raw, double[] hightechRevenue, double[] aiPatents, string[] indicatorNames, double[][] indicator)
{
    // The written columns in file order, rounded.
    private readonly List<(string Name, double[] Values)> _columns = [];

    /// <summary>Rounds every column and writes the CSV (UTF-8, no BOM, LF).</summary>
    public void Write(string path)
    {
        int n = hightechRevenue.Length;
        double[] Map(Func<int, double> f, int decimals) => [.. Enumerable.Range(0, n).Select(r => Math.Round(f(r), decimals))];
        foreach (var name in raw.Keys) _columns.Add((name, raw[name]));
        _columns.Add(("hightech_revenue", hightechRevenue));
        _columns.Add(("ai_patents", aiPatents));
        _columns.Add(("hightech_profit", Map(r => indicator[0][r], 2)));
        _columns.Add(("retail_sales", Map(r => indicator[1][r] * raw["population"][r] / 10000, 2)));
        _columns.Add(("rd_expenditure", Map(r => indicator[2][r] * 10000, 0)));
        _columns.Add(("hightech_rd_staff", Map(r => indicator[3][r], 0)));
        _columns.Add(("rd_institutions", Map(r => indicator[4][r], 0)));
        _columns.Add(("rd_intensity_pct", Map(r => indicator[5][r], 2)));
        _columns.Add(("newprod_sales", Map(r => indicator[6][r] * hightechRevenue[r] * 10000, 0)));
        _columns.Add(("invention_patents", Map(r => indicator[7][r], 0)));
        _columns.Add(("hightech_share_pct", Map(r => indicator[8][r], 3)));
        _columns.Add(("rd_gov_funds", Map(r => indicator[9][r] * 10000, 0)));
        for (int j = 10; j < 15; j++) { int jj = j; _columns.Add((indicatorNames[j], Map(r => indicator[jj][r], 2))); }

        var sb = new StringBuilder("province,region,year,").AppendJoin(',', _columns.Select(c => c.Name)).Append('\n');
        for (int r = 0; r < n; r++)
        {
            var p = provinces[r / nYear];
            sb.Append(p.Name).Append(',').Append(p.Region).Append(',').Append(firstYear + r % nYear);
            foreach (var (_, values) in _columns) sb.Append(',').Append(values[r].ToString("R", CultureInfo.InvariantCulture));
            sb.Append('\n');
        }
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    /// <summary>The indicators as synthetic.yaml computes them from the written (rounded) columns, in index order.</summary>
    public double[][] StudyIndicators()
    {
        double[] C(string name) => _columns.Single(c => c.Name == name).Values;
        int n = hightechRevenue.Length;
        double[] population = raw["population"], retail = C("retail_sales"), newprod = C("newprod_sales");
        return
        [
            C("hightech_profit"),
            [.. Enumerable.Range(0, n).Select(r => retail[r] * 10000 / population[r])],
            [.. C("rd_expenditure").Select(v => v / 10000)],
            C("hightech_rd_staff"), C("rd_institutions"), C("rd_intensity_pct"),
            [.. Enumerable.Range(0, n).Select(r => newprod[r] / 10000 / hightechRevenue[r])],
            C("invention_patents"), C("hightech_share_pct"),
            [.. C("rd_gov_funds").Select(v => v / 10000)],
            C("fdi_actual"), C("hightech_trade"), C("urbanisation_rate_pct"), C("engel_coef"), C("unemployment_rate"),
        ];
    }
}
