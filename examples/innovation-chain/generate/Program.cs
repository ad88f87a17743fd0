// Seeded generator of a synthetic panel shaped like seed 000 (AI embedding and the layout of the innovation chain):
// 35 industries x 2013-2023, the 24 raw indicators of the AI-embedding index (paper's Table 1), the chain-layout
// outcome erl = erl_front + erl_inter + erl_back, two mediators (fsie, itse) and five controls. True parameters are
// documented in ../README.md; the constants below are the single source of them.
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
        parts[p][r] = 0.2 + indEffect[i][2 + p] + 0.5 * yearEffect[t] + direct[p] * aie[r] + b1[p] * fsie[r] + b2[p] * itse[r]
            + c + SdPart * Normal();
    }
}

var sb = new StringBuilder();
sb.Append("industry_id,industry,year,").AppendJoin(',', Enumerable.Range(1, 24).Select(j => $"x{j}"))
  .Append(",erl,erl_front,erl_inter,erl_back,fsie,itse,lngdp,imp,expt,inst,tra\n");
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
      .Append('\n');
}
string path = Path.Combine(outDir, "innovation_chain.csv");
File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
double total = direct.Sum() + A1 * b1.Sum() + A2 * b2.Sum();
Console.WriteLine($"wrote {path}: {n} rows; true total effect of aie on erl = {total:0.###}; aie mean {aie.Average():0.###}, sd {Math.Sqrt(aie.Select(a => (a - aie.Average()) * (a - aie.Average())).Average()):0.###}");
