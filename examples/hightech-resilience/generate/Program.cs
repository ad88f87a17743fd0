// Seeded generator of a synthetic panel shaped like seed 003 (AI and high-tech industry resilience): 30 provinces x
// 2010-2023, an enterprise registry whose AI firms (keyword classification of the business scope) give the AI
// measure, the 15 raw indicators of the resilience index (seed's Table 1), the raw inputs of the five controls and of
// the mediator Upgra, and AI patents (the robustness AI measure). True parameters: ../SYNTHETIC.md; the constants
// below are their single source. Writes ../synthetic/provinces.csv, registry.csv.gz and truth.json, and prints every
// true value next to the two-way FE estimate on the generated data.
using System.Globalization;
using System.Text;
using HightechResilience.Generate;

const int Seed = 20250303;
const int FirstYear = 2010, LastYear = 2023, NonAiFirms = 330_000;
const double TrickyShare = 0.015;
string outDir = args.Length > 0 ? args[0] : "synthetic";
Directory.CreateDirectory(outDir);
var provinces = Provinces.All;
int nProv = provinces.Length, nYear = LastYear - FirstYear + 1, n = nProv * nYear;
var rngAi = new Random(Seed);          // AI firm stock and founding years
var rngText = new Random(Seed + 1);    // registry: order and business-scope texts
var rngPanel = new Random(Seed + 2);   // everything else
static double Gauss(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
double meanGdp = provinces.Average(p => p.Gdp2010);
double[] size = [.. provinces.Select(p => Math.Log(p.Gdp2010 / meanGdp))];
int[] region = [.. provinces.Select(p => Array.IndexOf(Provinces.Regions, p.Region))];
int[] unit = [.. Enumerable.Range(0, n).Select(r => r / nYear)], time = [.. Enumerable.Range(0, n).Select(r => r % nYear)];

// --- True structural parameters (SYNTHETIC.md "True parameters") -------------------------------------------------
const double A = 0.040;                       // ln_ai -> upgra
const double BetaF = 0.60, BetaS = 0.30;      // direct effect of ln_ai on the fracture and shock latents (East = 1)
double[] regionMultiplier = [1.0, 1.5, 0.3];  // East, Central, West
const double ThetaF = 5.0, ThetaS = 2.2;      // upgra -> fracture and shock latents
// Controls (incomegap, finance, open, ln_road, ln_population) -> fracture and shock latents; finance -> upgra.
double[] gammaF = [-0.60, -0.10, -0.50, 0.80, 2.0], gammaS = [-0.50, -0.05, -0.20, 0.60, 1.5];
const double GammaUpgraFinance = 0.010;
const double SdLatent = 0.30, SdUpgra = 0.035, SdIndicator = 0.35;
// The 15 indicators as the study sees them: value = base + slope (latent + noise), the noise N(0, SdIndicator²) scaled
// by the province's fixed-effect level relative to the mean (small provinces have small values and small noise).
// Size-like indicators have a base of about -0.8 slope (a province at latent 0.8 would have none), rates a positive base.
string[] indicatorNames = ["hightech_profit", "market_potential", "rd_exp", "hightech_rd_staff", "rd_institutions", "rd_intensity_pct",
    "newprod_ratio", "invention_patents", "hightech_share_pct", "gov_funds", "fdi_actual", "hightech_trade", "urbanisation_rate_pct",
    "engel_coef", "unemployment_rate"];
double[] indBase = [-36, 5000, -200, -6000, -120, 0.3, 0.04, -8000, -0.44, -24, -12, -120, 35, 42, 4.3];
double[] indSlope = [45, 2000, 250, 7500, 150, 0.28, 0.018, 10000, 0.55, 30, 15, 150, 3.5, -1.3, -0.12];
const int Fracture = 8;                       // the first 8 indicators load on the fracture latent, the rest on shock

// --- AI firm stock per province-year and the registry --------------------------------------------------------------
var stock = new int[n];
for (int p = 0; p < nProv; p++)
{
    double s0 = Math.Exp(5.0 + 0.8 * size[p] + 0.3 * Gauss(rngAi)), growth = 0.14 + 0.16 * rngAi.NextDouble(), cum = 0;
    for (int t = 0; t < nYear; t++)
    {
        if (t > 0) cum += growth + 0.05 * Gauss(rngAi);
        stock[p * nYear + t] = Math.Max(t == 0 ? 1 : stock[p * nYear + t - 1], (int)Math.Round(s0 * Math.Exp(cum)));
    }
}
var firms = new List<(string Province, int Founded, int Kind)>();
double gdpWeight = provinces.Sum(p => Math.Pow(p.Gdp2010, 0.9));
for (int p = 0; p < nProv; p++)
{
    for (int k = 0; k < stock[p * nYear]; k++) firms.Add((provinces[p].Name, 2009 - (int)(15 * Math.Pow(rngAi.NextDouble(), 1.5)), 1));
    for (int t = 1; t < nYear; t++)
        for (int k = stock[p * nYear + t - 1]; k < stock[p * nYear + t]; k++) firms.Add((provinces[p].Name, FirstYear + t, 1));
    int others = (int)Math.Round(NonAiFirms * Math.Pow(provinces[p].Gdp2010, 0.9) / gdpWeight);
    for (int k = 0; k < others; k++)
        firms.Add((provinces[p].Name, LastYear - (int)(34 * Math.Pow(rngAi.NextDouble(), 1.6)), rngAi.NextDouble() < TrickyShare ? 2 : 0));
}
for (int i = firms.Count - 1; i > 0; i--) { int j = rngText.Next(i + 1); (firms[i], firms[j]) = (firms[j], firms[i]); }
var registry = new List<(string, int, string)>(firms.Count);
foreach (var (province, founded, kind) in firms)
{
    string scope = Registry.Scope(rngText, kind, founded);
    bool anyKeyword = Registry.Keywords.Any(k => scope.Contains(k, StringComparison.Ordinal));
    if (Registry.IsAi(scope) != (kind == 1) || anyKeyword != (kind != 0)) throw new InvalidOperationException($"misclassified text: {scope}");
    registry.Add((province, founded, scope));
}
string registryPath = Path.Combine(outDir, "registry.csv.gz");
Registry.Write(registryPath, registry);
double[] lnAi = [.. stock.Select(s => Math.Log(s))];

// --- Controls' raw inputs, then the controls exactly as synthetic.yaml computes them --------------------------------
var raw = new Dictionary<string, double[]>();
string[] rawNames = ["gdp", "population", "area_km2", "urban_income", "rural_income", "loans", "trade_total", "road_km", "industrial_output"];
foreach (var name in rawNames) raw[name] = new double[n];
for (int p = 0; p < nProv; p++)
{
    var pr = provinces[p];
    double gdpTrend = 0.015 * Gauss(rngPanel), popTrend = 0.003 + 0.005 * Gauss(rngPanel), urban0 = 17000 * Math.Pow(pr.Gdp2010 / pr.Population2010 / 3.2, 0.5) * Math.Exp(0.05 * Gauss(rngPanel));
    double gap0 = 2.6 + (region[p] == 2 ? 0.7 : region[p] == 1 ? 0.2 : 0) + 0.2 * Gauss(rngPanel), gapTrend = 0.035 + 0.015 * rngPanel.NextDouble();
    double finance0 = 1.0 + 0.8 * rngPanel.NextDouble(), open0 = Math.Exp(-2.4 + 0.9 * size[p] + (region[p] == 0 ? 0.8 : 0) + 0.3 * Gauss(rngPanel));
    double road0 = 4 * Math.Sqrt(pr.Area * pr.Population2010), roadTrend = 0.02 + 0.015 * rngPanel.NextDouble(), industry0 = 0.9 + 0.7 * rngPanel.NextDouble();
    double gdp = pr.Gdp2010, pop = pr.Population2010, road = road0, urban = urban0;
    for (int t = 0; t < nYear; t++)
    {
        int r = p * nYear + t;
        if (t > 0)
        {
            gdp *= Math.Exp(0.10 - 0.004 * t + gdpTrend + 0.01 * Gauss(rngPanel));
            pop *= Math.Exp(popTrend + 0.002 * Gauss(rngPanel));
            road *= Math.Exp(roadTrend + 0.01 * Gauss(rngPanel));
            urban *= Math.Exp(0.08 - 0.002 * t + 0.01 * Gauss(rngPanel));
        }
        double gap = Math.Max(1.3, gap0 - gapTrend * t + 0.03 * Gauss(rngPanel));
        raw["gdp"][r] = Math.Round(gdp, 2);
        raw["population"][r] = Math.Round(pop, 0);
        raw["area_km2"][r] = pr.Area;
        raw["urban_income"][r] = Math.Round(urban, 0);
        raw["rural_income"][r] = Math.Round(urban / gap, 0);
        raw["loans"][r] = Math.Round(gdp * (finance0 + 0.06 * t + 0.05 * Gauss(rngPanel)), 2);
        raw["trade_total"][r] = Math.Round(gdp * open0 * Math.Exp(-0.03 * t + 0.08 * Gauss(rngPanel)), 2);
        raw["road_km"][r] = Math.Round(road, 0);
        raw["industrial_output"][r] = Math.Round(gdp * (industry0 - 0.015 * t + 0.02 * Gauss(rngPanel)), 2);
    }
}
double[][] controls =
[
    [.. Enumerable.Range(0, n).Select(r => raw["urban_income"][r] / raw["rural_income"][r])],
    [.. Enumerable.Range(0, n).Select(r => raw["loans"][r] / raw["gdp"][r])],
    [.. Enumerable.Range(0, n).Select(r => raw["trade_total"][r] / raw["gdp"][r])],
    [.. Enumerable.Range(0, n).Select(r => Math.Log(raw["road_km"][r]))],
    [.. Enumerable.Range(0, n).Select(r => Math.Log(raw["population"][r] * 10000 / raw["area_km2"][r]))],
];
// Time-varying terms enter relative to the province's 2010 value (a province constant, absorbed by its fixed effect),
// so that a province's level is set by its fixed effect alone.
double Controls(double[] gamma, int r) => Enumerable.Range(0, 5).Sum(k => gamma[k] * (controls[k][r] - controls[k][r - r % nYear]));

// --- Mediator: upgra = hightech_revenue / industrial_output ------------------------------------------------------------
var upgraSys = new double[n];
var hightechRevenue = new double[n];
for (int p = 0; p < nProv; p++)
{
    double base0 = 0.05 + 0.08 * Math.Exp(0.9 * size[p]) + 0.02 * Math.Abs(Gauss(rngPanel));
    for (int t = 0; t < nYear; t++)
    {
        int r = p * nYear + t;
        upgraSys[r] = base0 + A * (lnAi[r] - lnAi[p * nYear]) + 0.002 * t + GammaUpgraFinance * (controls[1][r] - controls[1][p * nYear]);
        hightechRevenue[r] = Math.Round((upgraSys[r] + SdUpgra * Gauss(rngPanel)) * raw["industrial_output"][r], 2);
    }
}
double[] upgra = [.. Enumerable.Range(0, n).Select(r => hightechRevenue[r] / raw["industrial_output"][r])];

// --- Latent fracture and shock resilience, and the 15 indicators -------------------------------------------------------
double[] muF = [.. Enumerable.Range(0, nProv).Select(p => 0.6 + 3.0 * (size[p] + 2.6) + 0.3 * Gauss(rngPanel))];
double[] muS = [.. Enumerable.Range(0, nProv).Select(p => 0.6 + 2.4 * (size[p] + 2.6) + 0.3 * Gauss(rngPanel))];
// Noise scale of a province: its fixed-effect level over the mean level (noise stays independent of the regressors).
double[] scaleF = [.. muF.Select(m => m / muF.Average())], scaleS = [.. muS.Select(m => m / muS.Average())];
// Systematic part given a value of upgra (the realised one, or its systematic part for the total effect).
double LatentF(int r, double u) => muF[unit[r]] + 0.10 * time[r] + BetaF * regionMultiplier[region[unit[r]]] * (lnAi[r] - lnAi[r - r % nYear]) + ThetaF * u + Controls(gammaF, r);
double LatentS(int r, double u) => muS[unit[r]] + 0.08 * time[r] + BetaS * regionMultiplier[region[unit[r]]] * (lnAi[r] - lnAi[r - r % nYear]) + ThetaS * u + Controls(gammaS, r);
double[] latentF = [.. Enumerable.Range(0, n).Select(r => LatentF(r, upgra[r]) + scaleF[unit[r]] * SdLatent * Gauss(rngPanel))];
double[] latentS = [.. Enumerable.Range(0, n).Select(r => LatentS(r, upgra[r]) + scaleS[unit[r]] * SdLatent * Gauss(rngPanel))];
var indicator = new double[15][];
for (int j = 0; j < 15; j++)
{
    indicator[j] = new double[n];
    for (int r = 0; r < n; r++)
    {
        double latent = j < Fracture ? latentF[r] : latentS[r], scale = j < Fracture ? scaleF[unit[r]] : scaleS[unit[r]];
        indicator[j][r] = indBase[j] + indSlope[j] * (latent + scale * SdIndicator * Gauss(rngPanel));
        if (!(indicator[j][r] > 0)) throw new InvalidOperationException($"{indicatorNames[j]} <= 0 in row {r}: change the base or slope");
    }
}
var ai_patents = Enumerable.Range(0, n).Select(r => Math.Round(Math.Exp(0.9 * lnAi[r] + 0.3 + 0.25 * Gauss(rngPanel)))).ToArray();
var table = new PanelTable(provinces, nYear, FirstYear, raw, hightechRevenue, ai_patents, indicatorNames, indicator);
table.Write(Path.Combine(outDir, "provinces.csv"));

// --- The index as synthetic_index.yaml builds it, from the columns as the study derives them -------------------------
double[][] seen = table.StudyIndicators();
var fracture = Estimation.Dimension(seen[..Fracture], [.. Enumerable.Range(0, Fracture).Select(_ => 1)]);
var shock = Estimation.Dimension(seen[Fracture..], [1, 1, 1, 1, 1, -1, -1]);
var (resilience, rootWeights) = Estimation.Root([fracture.Score, shock.Score]);
double kappaF = Enumerable.Range(0, Fracture).Sum(j => fracture.Slope[j] * indSlope[j]);
double kappaS = Enumerable.Range(Fracture, 15 - Fracture).Sum(j => shock.Slope[j - Fracture] * indSlope[j]);

var truth = new Truth(provinces.Select(p => p.Name).ToArray(), nYear, FirstYear, region, unit, time, lnAi, controls, ai_patents);
truth.Outcomes["resilience"] = (resilience, r => rootWeights[0] * kappaF * LatentF(r, upgraSys[r]) + rootWeights[1] * kappaS * LatentS(r, upgraSys[r]),
    r => rootWeights[0] * kappaF * LatentF(r, upgra[r]) + rootWeights[1] * kappaS * LatentS(r, upgra[r]));
truth.Outcomes["fracture"] = (fracture.Score, r => kappaF * LatentF(r, upgraSys[r]), r => kappaF * LatentF(r, upgra[r]));
truth.Outcomes["shock"] = (shock.Score, r => kappaS * LatentS(r, upgraSys[r]), r => kappaS * LatentS(r, upgra[r]));
truth.Upgra = (upgra, upgraSys);
truth.Structural = new()
{
    ["kappa_fracture"] = kappaF, ["kappa_shock"] = kappaS, ["weight_fracture"] = rootWeights[0], ["weight_shock"] = rootWeights[1],
    ["a"] = A, ["beta_fracture"] = BetaF, ["beta_shock"] = BetaS, ["theta_fracture"] = ThetaF, ["theta_shock"] = ThetaS,
};
for (int g = 0; g < 3; g++)
{
    double m = regionMultiplier[g], dF = kappaF * BetaF * m, dS = kappaS * BetaS * m;
    truth.Structural[$"direct_resilience_{g}"] = rootWeights[0] * dF + rootWeights[1] * dS;
    truth.Structural[$"total_resilience_{g}"] = rootWeights[0] * kappaF * (BetaF * m + ThetaF * A) + rootWeights[1] * kappaS * (BetaS * m + ThetaS * A);
    truth.Structural[$"total_fracture_{g}"] = kappaF * (BetaF * m + ThetaF * A);
    truth.Structural[$"total_shock_{g}"] = kappaS * (BetaS * m + ThetaS * A);
}
truth.Weights = new() { ["fracture"] = fracture.Weights, ["shock"] = shock.Weights, ["resilience"] = rootWeights };
truth.IndicatorNames = indicatorNames;
truth.Firms = (registry.Count, stock, firms.Count(f => f.Kind == 2));
truth.Write(Path.Combine(outDir, "truth.json"), Seed);
Console.WriteLine($"wrote {outDir}: provinces.csv ({n} rows), registry.csv.gz ({registry.Count} firms, {stock.Where((_, r) => time[r] == nYear - 1).Sum()} AI firms by {LastYear}, " +
    $"{firms.Count(f => f.Kind == 2)} tricky texts; {new FileInfo(registryPath).Length / 1e6:0.0} MB), truth.json");
truth.Print();
