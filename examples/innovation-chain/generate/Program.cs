// Seeded generator of a synthetic panel shaped like seed 000 (AI embedding and the layout of the innovation chain):
// 35 industries x 2013-2023, the 24 raw indicators of the AI-embedding index (paper's Table 1), the chain-layout
// outcome erl = erl_front + erl_inter + erl_back, two mediators (fsie, itse), five controls, the industry
// classifications of the heterogeneity tables (factor intensity, chain position, high-tech), a factor-market index and
// the value-extension outcomes lcv (length) and wcv (width). True parameters are documented in ../README.md; the
// constants below are the single source of them. The effect of aie on erl differs by factor intensity, chain position
// and factor-market development, so every regression has its own true value (an estimand): the generator computes it
// for each column of the study's tables by Frisch-Waugh-Lovell on the realised regressors and prints it.
using System.Globalization;
using System.Text;

const int Seed = 20240607;
const int FirstYear = 2013, LastYear = 2023;
string outDir = args.Length > 0 ? args[0] : ".";
Directory.CreateDirectory(outDir);
var rng = new Random(Seed);
double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

string[] industries =
[
    "农副食品加工业", "食品制造业", "酒饮料和精制茶制造业", "纺织业", "纺织服装服饰业", "皮革毛皮羽毛及其制品业",
    "木材加工业", "家具制造业", "造纸和纸制品业", "印刷和记录媒介复制业", "文教工美体育和娱乐用品制造业",
    "石油煤炭及其他燃料加工业", "化学原料和化学制品制造业", "医药制造业", "化学纤维制造业", "橡胶和塑料制品业",
    "非金属矿物制品业", "黑色金属冶炼和压延加工业", "有色金属冶炼和压延加工业", "金属制品业", "通用设备制造业",
    "专用设备制造业", "汽车制造业", "铁路船舶航空航天和其他运输设备制造业", "电气机械和器材制造业",
    "计算机通信和其他电子设备制造业", "仪器仪表制造业", "电力热力生产和供应业", "燃气生产和供应业",
    "建筑业", "批发和零售业", "交通运输仓储和邮政业", "信息传输软件和信息技术服务业", "金融业",
    "科学研究和技术服务业",
];
int nInd = industries.Length, nYear = LastYear - FirstYear + 1, n = nInd * nYear;

// Classifications (fixed by industry; README "Industry groups"). Factor intensity: L labour, K capital, T technology.
string intensity = "LLLLLLLLKLLKKTKKKKKKTTTTTTTKKLLKTKT";
// Innovation-chain position: F front (R&D, core technology), M middle (transfer, circulation), B back (production, market).
string position = "BBBBBBBBMBBMFFMMMMMMMFMMMFFMMBBMFMF";
// High-tech (high-technology manufacturing 2017 list and high-tech services): 1, else 0.
string hightechFlags = "00000000000001000000010111100000101";
string[] intensityName = ["劳动密集型", "资本密集型", "技术密集型"];
string[] positionName = ["前端", "中端", "后端"];
int IntensityOf(int i) => "LKT".IndexOf(intensity[i]);
int PositionOf(int i) => "FMB".IndexOf(position[i]);

// Table 1 of the seed: fixed weights of the 24 indicators (all direction +), 4 per dimension.
double[] weights = [0.062, 0.025, 0.053, 0.036, 0.028, 0.051, 0.042, 0.035, 0.024, 0.052, 0.072, 0.021,
                    0.019, 0.025, 0.036, 0.054, 0.043, 0.038, 0.046, 0.060, 0.024, 0.048, 0.061, 0.045];
// Indicator scales: level (median at latent 0), kind (true: log-normal level, false: rate/share in %), loading on latent AI.
(double Level, bool LogScale, double Loading)[] scale =
[
    (250000, true, 1.2), (15, false, 10), (120, true, 1.0), (12, false, 8),
    (2.5, true, 1.0), (6, true, 0.6), (300, true, 1.1), (0.8, false, 0.8),
    (20, true, 1.0), (1.5, true, 0.8), (8000, true, 0.7), (600, true, 0.8),
    (15, true, 0.7), (6, true, 0.6), (18, false, 6), (8, true, 0.9),
    (25, true, 1.0), (900, true, 0.5), (90000, true, 1.3), (40, true, 1.0),
    (2, false, 1.5), (30000, true, 1.1), (3, false, 2.0), (2, true, 0.8),
];
const double Shift = 0.0001;                 // min-max shift of ai_index.yaml

// True structural parameters (README "True parameters").
const double A1 = 0.50, A2 = 0.25;                  // aie -> fsie, aie -> itse
double[] direct = [0.06, 0.05, 0.04];               // aie -> front, inter, back (direct)
double[] b1 = [0.08, 0.07, 0.05];                   // fsie -> parts
double[] b2 = [0.08, 0.06, 0.06];                   // itse -> parts
// Controls' effects on each part: lngdp, imp, expt, inst, tra.
double[][] gamma = [[0.020, -0.05, 0.04, 0.002, 0.03], [0.015, -0.04, 0.03, 0.002, 0.03], [0.010, -0.03, 0.05, 0.001, 0.02]];
const double SdMediator = 0.03, SdPart = 0.02;
// Heterogeneous direct effect of aie on erl, added to the common direct effect 0.15 (split over the parts as the
// direct effects are, 0.4 / 0.333 / 0.267): by factor intensity (labour, capital, technology), by chain position
// (front, middle, back), and for factor-market-developed rows (fmd = 1).
double[] deltaIntensity = [-0.20, 0.15, 0.10];
double[] deltaPosition = [0.05, -0.05, 0.0];
const double DeltaMarket = 0.10;
// Value extension: effects of aie on lcv (length) and wcv (width), and of lngdp (a control) on each.
const double LcvAie = 0.85, WcvAie = 0.05, LcvGdp = 0.20, WcvGdp = 0.02, SdLcv = 0.05, SdWcv = 0.01;

// Latent AI embedding: industry level + industry-specific trend + AR(1) shocks.
var latent = new double[n];
var rows = new (int Ind, int Year)[n];
for (int i = 0; i < nInd; i++)
{
    double level = -0.8 + 0.6 * Normal(), slope = 0.06 + 0.05 * rng.NextDouble(), shock = 0;
    for (int t = 0; t < nYear; t++)
    {
        shock = 0.6 * shock + 0.15 * Normal();
        latent[i * nYear + t] = level + slope * t + shock;
        rows[i * nYear + t] = (i, FirstYear + t);
    }
}

// Raw indicators, rounded as printed, then the index exactly as ai_index.yaml builds it.
var x = new double[24][];
for (int j = 0; j < 24; j++)
{
    x[j] = new double[n];
    var (lv, logScale, load) = scale[j];
    for (int r = 0; r < n; r++)
    {
        double v = logScale ? lv * Math.Exp(load * latent[r] + 0.25 * Normal()) : lv + load * latent[r] + 0.15 * lv * Normal();
        x[j][r] = Math.Round(Math.Max(v, 0.01), logScale && lv >= 100 ? 0 : 3);
    }
}
var aie = new double[n];
for (int j = 0; j < 24; j++)
{
    double min = x[j].Min(), max = x[j].Max();
    for (int r = 0; r < n; r++) aie[r] += weights[j] * ((x[j][r] - min) / (max - min) + Shift);
}

// Controls, correlated with AI embedding but not caused by the outcome.
var ctrl = new double[5][];
for (int k = 0; k < 5; k++) ctrl[k] = new double[n];
double[] yearEffect = [.. Enumerable.Range(0, nYear).Select(t => 0.01 * t + 0.02 * Normal())];
var indEffect = new double[nInd][];
for (int i = 0; i < nInd; i++)
{
    double gdp0 = 7.5 + 1.0 * Normal(), imp0 = 0.12 + 0.05 * rng.NextDouble(), exp0 = 0.15 + 0.08 * rng.NextDouble(),
        inst0 = 60 + 6 * Normal(), tra0 = 3.0 + 0.3 * Normal();
    indEffect[i] = [0.3 * Normal(), 0.3 * Normal(), 0.1 * Normal(), 0.1 * Normal(), 0.1 * Normal()];
    for (int t = 0; t < nYear; t++)
    {
        int r = i * nYear + t;
        ctrl[0][r] = Math.Round(gdp0 + 0.06 * t + 0.10 * latent[r] + 0.05 * Normal(), 4);
        ctrl[1][r] = Math.Round(Math.Max(0.01, imp0 - 0.003 * t + 0.01 * Normal()), 4);
        ctrl[2][r] = Math.Round(Math.Max(0.01, exp0 + 0.002 * t + 0.02 * latent[r] + 0.01 * Normal()), 4);
        ctrl[3][r] = Math.Round(inst0 + 0.3 * t + 1.0 * Normal(), 2);
        ctrl[4][r] = Math.Round(tra0 + 0.03 * t + 0.05 * latent[r] + 0.08 * Normal(), 3);
    }
}

// Factor-market index (要素市场化指数) and its top-30% flag per year, as the study's group transform computes it
// (Stata _pctile: a row is 1 when its value is at or above the 70th percentile of its year). A second generator
// draws them, so the variables above are those of the first version of this data.
var rng2 = new Random(Seed + 1);
double Normal2() => Math.Sqrt(-2 * Math.Log(1 - rng2.NextDouble())) * Math.Cos(2 * Math.PI * rng2.NextDouble());
var fmi = new double[n];
for (int i = 0; i < nInd; i++)
{
    double level = 6 + 1.5 * Normal2(), slope = 0.15 + 0.1 * rng2.NextDouble();
    for (int t = 0; t < nYear; t++) fmi[i * nYear + t] = Math.Round(level + slope * t + 0.6 * Normal2(), 3);
}
var fmd = new int[n];
for (int t = 0; t < nYear; t++)
{
    var year = Enumerable.Range(0, nInd).Select(i => fmi[i * nYear + t]).Order().ToArray();
    double cut = StataPercentile(year, 0.70);
    for (int i = 0; i < nInd; i++) fmd[i * nYear + t] = fmi[i * nYear + t] >= cut ? 1 : 0;
}
var delta = new double[n];
for (int r = 0; r < n; r++) delta[r] = deltaIntensity[IntensityOf(rows[r].Ind)] + deltaPosition[PositionOf(rows[r].Ind)] + DeltaMarket * fmd[r];
double[] share = [.. direct.Select(d => d / direct.Sum())];

// Mediators and the three parts of the chain-layout outcome.
var fsie = new double[n]; var itse = new double[n]; var parts = new double[3][];
for (int p = 0; p < 3; p++) parts[p] = new double[n];
for (int r = 0; r < n; r++)
{
    var (i, year) = rows[r]; int t = year - FirstYear;
    fsie[r] = 0.30 + indEffect[i][0] * 0.2 + yearEffect[t] + A1 * aie[r] + 0.01 * (ctrl[0][r] - 7.5) + SdMediator * Normal();
    itse[r] = 1.10 + indEffect[i][1] * 0.2 + 0.5 * yearEffect[t] + A2 * aie[r] + 0.5 * (ctrl[2][r] - 0.2) + SdMediator * Normal();
    for (int p = 0; p < 3; p++)
    {
        double c = 0;
        for (int k = 0; k < 5; k++) c += gamma[p][k] * ctrl[k][r];
        parts[p][r] = 0.2 + indEffect[i][2 + p] + 0.5 * yearEffect[t] + (direct[p] + share[p] * delta[r]) * aie[r] + b1[p] * fsie[r] + b2[p] * itse[r]
            + c + SdPart * Normal();
    }
}

// Value extension: length and width of the chain's value extension, with industry and year effects.
var lcv = new double[n]; var wcv = new double[n];
var lcvInd = Enumerable.Range(0, nInd).Select(_ => 0.3 * Normal2()).ToArray();
var wcvInd = Enumerable.Range(0, nInd).Select(_ => 0.05 * Normal2()).ToArray();
for (int r = 0; r < n; r++)
{
    var (i, year) = rows[r]; int t = year - FirstYear;
    lcv[r] = Math.Round(2.0 + lcvInd[i] + 0.02 * t + LcvAie * aie[r] + LcvGdp * (ctrl[0][r] - 7.5) + SdLcv * Normal2(), 6);
    wcv[r] = Math.Round(0.5 + wcvInd[i] + 0.005 * t + WcvAie * aie[r] + WcvGdp * (ctrl[0][r] - 7.5) + SdWcv * Normal2(), 6);
}

// Factor inputs (the seed classifies its industries by factor and cluster analysis of such input shares; the study's
// classify_units variable does it from these): labour compensation, fixed-capital depreciation and R&D expenditure in %
// of total input. Each industry's level is drawn around its factor-intensity group's mean (labour, capital,
// technology), so the groups overlap a little; rows add a yearly wobble (R&D with a trend). A third generator draws
// them, so every column above is that of the earlier versions of this data.
var rng3 = new Random(Seed + 2);
double Normal3() => Math.Sqrt(-2 * Math.Log(1 - rng3.NextDouble())) * Math.Cos(2 * Math.PI * rng3.NextDouble());
(double[] GroupMean, double IndustrySd, double YearSd, double Trend, int Digits)[] inputSpec =
[
    ([30, 16, 18], 4.0, 1.0, 0, 2),        // lab_share: labour compensation, % of input (normal around the group mean)
    ([6, 14, 9], 2.5, 0.5, 0, 2),          // cap_share: fixed-capital depreciation, % of input (normal)
    ([0.8, 1.3, 3.2], 0.4, 0.1, 0.02, 3),  // rd_share: R&D expenditure, % of input (log-normal: sds on the log scale)
];
var inputs = new double[inputSpec.Length][];
for (int j = 0; j < inputSpec.Length; j++)
{
    var (mean, indSd, yearSd, trend, digits) = inputSpec[j];
    bool logScale = j == 2;
    inputs[j] = new double[n];
    for (int i = 0; i < nInd; i++)
    {
        double level = logScale ? Math.Log(mean[IntensityOf(i)]) + indSd * Normal3() : mean[IntensityOf(i)] + indSd * Normal3();
        for (int t = 0; t < nYear; t++)
        {
            double v = level + trend * t + yearSd * Normal3();
            inputs[j][i * nYear + t] = Math.Round(logScale ? Math.Exp(v) : Math.Max(0.5, v), digits);
        }
    }
}

var sb = new StringBuilder();
sb.Append("industry_id,industry,year,").AppendJoin(',', Enumerable.Range(1, 24).Select(j => $"x{j}"))
  .Append(",erl,erl_front,erl_inter,erl_back,fsie,itse,lngdp,imp,expt,inst,tra,intensity,position,hightech,fmi,lcv,wcv,lab_share,cap_share,rd_share\n");
string F(double v, int d) => Math.Round(v, d).ToString("R", CultureInfo.InvariantCulture);
for (int r = 0; r < n; r++)
{
    var (i, year) = rows[r];
    double front = Math.Round(parts[0][r], 6), inter = Math.Round(parts[1][r], 6), back = Math.Round(parts[2][r], 6);
    sb.Append(i + 1).Append(',').Append(industries[i]).Append(',').Append(year).Append(',')
      .AppendJoin(',', Enumerable.Range(0, 24).Select(j => x[j][r].ToString("R", CultureInfo.InvariantCulture)))
      .Append(',').Append(F(front + inter + back, 6)).Append(',').Append(F(front, 6)).Append(',').Append(F(inter, 6))
      .Append(',').Append(F(back, 6)).Append(',').Append(F(fsie[r], 6)).Append(',').Append(F(itse[r], 6))
      .Append(',').AppendJoin(',', Enumerable.Range(0, 5).Select(k => ctrl[k][r].ToString("R", CultureInfo.InvariantCulture)))
      .Append(',').Append(intensityName[IntensityOf(i)]).Append(',').Append(positionName[PositionOf(i)]).Append(',').Append(hightechFlags[i])
      .Append(',').Append(fmi[r].ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(F(lcv[r], 6)).Append(',').Append(F(wcv[r], 6))
      .Append(',').AppendJoin(',', inputs.Select(v => v[r].ToString("R", CultureInfo.InvariantCulture)))
      .Append('\n');
}
string path = Path.Combine(outDir, "innovation_chain.csv");
File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
double total = direct.Sum() + A1 * b1.Sum() + A2 * b2.Sum();
Console.WriteLine($"wrote {path}: {n} rows; common total effect of aie on erl = {total:0.###} (+ delta by group); aie mean {aie.Average():0.###}, sd {Math.Sqrt(aie.Select(a => (a - aie.Average()) * (a - aie.Average())).Average()):0.###}");

// Estimands: with heterogeneous effects, a two-way FE regression of erl on aie and the controls over a set of rows
// estimates Σ r_i (total + δ_i) aie_i / Σ r_i aie_i, r the residual of aie on the industry and year effects and the
// controls within those rows (Frisch-Waugh-Lovell; the remaining terms of erl are spanned by the effects and controls
// or are noise: fsie's lngdp term and itse's expt term are controls).
var tau = delta.Select(d => total + d).ToArray();
void Estimand(string what, Func<int, bool> keep)
{
    var set = Enumerable.Range(0, n).Where(keep).ToArray();
    double[] Residual(double[] v) => TwoWayDemean(set.Select(r => v[r]).ToArray(), set.Select(r => rows[r].Ind).ToArray(), set.Select(r => rows[r].Year).ToArray());
    var x = Residual(aie);
    var c = ctrl.Select(Residual).ToArray();
    var res = PartialOut(x, c);
    double num = 0, den = 0;
    for (int k = 0; k < set.Length; k++) { num += res[k] * tau[set[k]] * aie[set[k]]; den += res[k] * aie[set[k]]; }
    Console.WriteLine($"  true value of aie on erl, {what} ({set.Length} rows): {num / den:0.000}");
}
Estimand("all rows", _ => true);
Estimand("2013-2022", r => rows[r].Year <= 2022);
for (int g = 0; g < 3; g++) { int gg = g; Estimand(intensityName[g], r => IntensityOf(rows[r].Ind) == gg); }
for (int g = 0; g < 3; g++) { int gg = g; Estimand(positionName[g], r => PositionOf(rows[r].Ind) == gg); }
Estimand("fmd = 1", r => fmd[r] == 1);
Estimand("fmd = 0", r => fmd[r] == 0);
Estimand("hightech = 1", r => hightechFlags[rows[r].Ind] == '1');
Estimand("hightech = 0", r => hightechFlags[rows[r].Ind] == '0');

// Stata _pctile (no weights): the p-th percentile of sorted values.
static double StataPercentile(double[] sorted, double p)
{
    double np = sorted.Length * p;
    int j = (int)Math.Floor(np);
    return Math.Abs(np - j) < 1e-9 ? (sorted[j - 1] + sorted[j]) / 2 : sorted[j];
}

// v minus its industry and year means, iterated to convergence (exact in a balanced set, alternating projections otherwise).
static double[] TwoWayDemean(double[] v, int[] unit, int[] time)
{
    var r = (double[])v.Clone();
    for (int sweep = 0; sweep < 10000; sweep++)
    {
        double change = 0;
        foreach (var key in new[] { unit, time })
        {
            var sum = new Dictionary<int, (double S, int N)>();
            for (int k = 0; k < r.Length; k++) { var (s0, n0) = sum.GetValueOrDefault(key[k]); sum[key[k]] = (s0 + r[k], n0 + 1); }
            for (int k = 0; k < r.Length; k++) { var (s0, n0) = sum[key[k]]; double m = s0 / n0; r[k] -= m; change = Math.Max(change, Math.Abs(m)); }
        }
        if (change < 1e-14) break;
    }
    return r;
}

// The residual of y on the columns c (least squares by the normal equations; 5 controls, well conditioned).
static double[] PartialOut(double[] y, double[][] c)
{
    int k = c.Length, m = y.Length;
    var a = new double[k, k + 1];
    for (int p = 0; p < k; p++)
    {
        for (int q = 0; q < k; q++) for (int i = 0; i < m; i++) a[p, q] += c[p][i] * c[q][i];
        for (int i = 0; i < m; i++) a[p, k] += c[p][i] * y[i];
    }
    for (int p = 0; p < k; p++)
    {
        int pivot = Enumerable.Range(p, k - p).MaxBy(q => Math.Abs(a[q, p]));
        for (int q = 0; q <= k; q++) (a[p, q], a[pivot, q]) = (a[pivot, q], a[p, q]);
        for (int q = 0; q < k; q++)
        {
            if (q == p) continue;
            double f = a[q, p] / a[p, p];
            for (int w = p; w <= k; w++) a[q, w] -= f * a[p, w];
        }
    }
    var r = (double[])y.Clone();
    for (int p = 0; p < k; p++) { double b = a[p, k] / a[p, p]; for (int i = 0; i < m; i++) r[i] -= b * c[p][i]; }
    return r;
}
