using System.Text.Encodings.Web;
using System.Text.Json;

namespace HightechResilience.Generate;

/// <summary>The generator's true values. An outcome's systematic part is everything but its noise (structural
/// latent noise, indicator noise, rounding, and for total effects the mediator's own noise); the true value of a
/// regression column is that regression run on the systematic part (Frisch-Waugh-Lovell: exact given the realised
/// regressors, and the estimate minus it is the regression of independent noise on them). With a homogeneous effect
/// it is the structural parameter; with the region-specific effects a pooled column estimates a weighted average.</summary>
internal sealed class Truth(string[] provinces, int nYear, int firstYear, int[] region, int[] unit, int[] time,
    double[] lnAi, double[][] controls, double[] aiPatents)
{
    /// <summary>Per outcome: the generated index, its systematic part for total effects and given the realised upgra.</summary>
    public Dictionary<string, (double[] Value, Func<int, double> Total, Func<int, double> GivenUpgra)> Outcomes { get; } = [];
    public (double[] Realised, double[] Systematic) Upgra { get; set; }
    public Dictionary<string, double> Structural { get; set; } = [];
    public Dictionary<string, double[]> Weights { get; set; } = [];
    public string[] IndicatorNames { get; set; } = [];
    public (int Registry, int[] Stock, int Tricky) Firms { get; set; }

    private int N => lnAi.Length;
    private static readonly string[] RegionKeys = ["east", "central", "west"];

    private double[] Fe(double[] y, IEnumerable<double[]> x, Func<int, bool> keep) =>
        Estimation.FixedEffects(y, [.. x], [.. Enumerable.Range(0, N).Where(keep)], unit, time);

    private double[] Sys(Func<int, double> f) => [.. Enumerable.Range(0, N).Select(f)];

    /// <summary>True values (and estimates on the generated data) of every column with a stated truth, per outcome.</summary>
    public Dictionary<string, Dictionary<string, (double True, double Estimate)>> Columns()
    {
        var lag = Enumerable.Range(0, N).Select(r => time[r] == 0 ? double.NaN : lnAi[r - 1]).ToArray();
        var lnPatents = aiPatents.Select(v => Math.Log(v)).ToArray();
        var result = new Dictionary<string, Dictionary<string, (double, double)>>();
        foreach (var (name, (value, total, given)) in Outcomes)
        {
            double[] sys = Sys(total), cond = Sys(given);
            var cols = new Dictionary<string, (double, double)>();
            for (int k = 0; k <= 5; k++)
            {
                var x = new[] { lnAi }.Concat(controls.Take(k)).ToArray();
                cols[$"baseline_{k}"] = (Fe(sys, x, _ => true)[0], Fe(value, x, _ => true)[0]);
            }
            for (int g = 0; g < 3; g++)
            {
                int gg = g;
                cols[RegionKeys[g]] = (Fe(sys, [lnAi, .. controls], r => region[unit[r]] == gg)[0], Fe(value, [lnAi, .. controls], r => region[unit[r]] == gg)[0]);
            }
            cols["lag_ai"] = (Fe(sys, [lag, .. controls], r => time[r] > 0)[0], Fe(value, [lag, .. controls], r => time[r] > 0)[0]);
            cols["ai_patents"] = (Fe(sys, [lnPatents, .. controls], _ => true)[0], Fe(value, [lnPatents, .. controls], _ => true)[0]);
            double a = Fe(Upgra.Systematic, [lnAi, .. controls], _ => true)[0], aHat = Fe(Upgra.Realised, [lnAi, .. controls], _ => true)[0];
            var direct = Fe(cond, [lnAi, Upgra.Realised, .. controls], _ => true);
            var directHat = Fe(value, [lnAi, Upgra.Realised, .. controls], _ => true);
            cols["mediation_a"] = (a, aHat);
            cols["mediation_b"] = (direct[1], directHat[1]);
            cols["mediation_direct"] = (direct[0], directHat[0]);
            cols["mediation_share"] = (a * direct[1] / cols["baseline_5"].Item1, aHat * directHat[1] / cols["baseline_5"].Item2);
            result[name] = cols;
        }
        return result;
    }

    public void Print()
    {
        foreach (var (k, v) in Structural) Console.WriteLine($"  {k} = {v:0.000000}");
        foreach (var (name, cols) in Columns())
        {
            Console.WriteLine($"  {name}: true (estimate)");
            foreach (var (col, (t, e)) in cols) Console.WriteLine($"    {col,-18} {t,9:0.0000} ({e:0.0000})");
        }
    }

    /// <summary>truth.json: parameters, index weights, the true value of each column, and per province-year the AI
    /// firm count of the registry (what the study's SQL classification must reproduce) and the index values.</summary>
    public void Write(string path, int seed)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        double R(double v) => Math.Round(v, 8);
        w.WriteStartObject();
        w.WriteNumber("seed", seed);
        w.WriteNumber("registry_firms", Firms.Registry);
        w.WriteNumber("ai_firms_total", Firms.Stock.Where((_, r) => time[r] == nYear - 1).Sum());
        w.WriteNumber("tricky_firms", Firms.Tricky);
        w.WriteStartObject("structural");
        foreach (var (k, v) in Structural) w.WriteNumber(k, R(v));
        w.WriteEndObject();
        w.WriteStartObject("weights");
        foreach (var (k, v) in Weights)
        {
            w.WriteStartArray(k);
            foreach (var x in v) w.WriteNumberValue(R(x));
            w.WriteEndArray();
        }
        w.WriteStartArray("indicators");
        foreach (var x in IndicatorNames) w.WriteStringValue(x);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("true_values");
        foreach (var (name, cols) in Columns())
        {
            w.WriteStartObject(name);
            foreach (var (col, (t, _)) in cols) w.WriteNumber(col, R(t));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartArray("rows");
        for (int r = 0; r < N; r++)
        {
            w.WriteStartObject();
            w.WriteString("province", provinces[unit[r]]);
            w.WriteNumber("year", firstYear + time[r]);
            w.WriteNumber("ai_firms", Firms.Stock[r]);
            foreach (var (name, (value, _, _)) in Outcomes) w.WriteNumber(name, R(value[r]));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
