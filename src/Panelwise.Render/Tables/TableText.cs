namespace Panelwise.Render.Tables;

/// <summary>Every fixed text of regression, mediation, unit-classification and multiverse tables in one language: row
/// labels (Controls, FE, N, R²), indicator words, the standard-error and stars notes, the mediation headers and
/// <see cref="Multiverse"/>. <see cref="En"/> follows esttab and the English seeds; <see cref="Zh"/> the conventions of
/// Chinese journals (控制变量, 行业固定效应, 观测值, 是/否, "括号内为聚类到行业层面的稳健标准误",
/// "*、**、***分别表示在10%、5%、1%的水平上显著"). Formats take the label of the variable ({0}). A study's <c>text:</c>
/// map overrides single entries by key (see <see cref="Keys"/>).</summary>
public sealed record TableText
{
    /// <summary>"en" or "zh": how notes are worded where a template is not enough (mediation covariance).</summary>
    public string Language { get; init; } = "en";

    public string Controls { get; init; } = "Controls";

    /// <summary>Fixed-effect indicator row; {0} = the FE variable's label.</summary>
    public string FixedEffect { get; init; } = "{0} FE";
    public string Yes { get; init; } = "Yes";
    public string No { get; init; } = "No";
    public string Constant { get; init; } = "Constant";
    public string Observations { get; init; } = "N";
    public string R2 { get; init; } = "R²";
    public string AdjustedR2 { get; init; } = "Adj. R²";
    public string WithinR2 { get; init; } = "Within R²";
    public string AdjustedWithinR2 { get; init; } = "Adj. within R²";

    /// <summary>What the parentheses hold: {0} = the covariance description(s).</summary>
    public string StandardErrorNote { get; init; } = "Standard errors in parentheses ({0}).";
    public string TStatisticNote { get; init; } = "t statistics in parentheses ({0}).";

    /// <summary>When columns differ: {0} = per-column descriptions, e.g. "(1)-(4) clustered by firm; (5) HC1".</summary>
    public string StandardErrorByColumn { get; init; } = "Standard errors in parentheses; covariance by column: {0}.";
    public string TStatisticByColumn { get; init; } = "t statistics in parentheses; covariance by column: {0}.";

    /// <summary>Separates per-column descriptions.</summary>
    public string Separator { get; init; } = "; ";

    /// <summary>Separates items within one description (columns of a transformation note).</summary>
    public string ListSeparator { get; init; } = ", ";

    /// <summary>One column range and what holds there: {0} = "(1)-(4)", {1} = the description.</summary>
    public string ColumnIs { get; init; } = "{0} {1}";

    public string Conventional { get; init; } = "conventional";
    public string Robust { get; init; } = "heteroskedasticity-robust, HC{0}";

    /// <summary>{0} = the cluster variables' labels joined by <see cref="And"/>.</summary>
    public string Clustered { get; init; } = "clustered by {0}";
    public string And { get; init; } = " and ";
    public string DriscollKraay { get; init; } = "Driscoll-Kraay";
    public string NeweyWest { get; init; } = "Newey-West";
    public string LargeSample { get; init; } = "{0}; large-sample conventions as ivreg2/ivregress without small: no small-sample factor, z statistics";

    /// <summary>Stars legend; {0} = the loosest-first "symbol p&lt;level" list (English) or symbols and levels (Chinese).</summary>
    public string StarsLegend { get; init; } = "{0}.";

    /// <summary>Whether the legend is written "* p&lt;0.1, ** p&lt;0.05" (false) or "*、**分别表示在10%、5%的水平上显著" (true).</summary>
    public bool PercentLegend { get; init; }

    /// <summary>A merged row's transformation: {0} row label, {1} column list with what each column did.</summary>
    public string TransformedNote { get; init; } = "{0}: {1}.";
    public string WinsorizedAt { get; init; } = "winsorized at {0}%";
    public string TrimmedAt { get; init; } = "trimmed at {0}%";
    public string LaggedBy { get; init; } = "lag {0}";

    public string MediationTotal { get; init; } = "Total effect";
    public string MediationA { get; init; } = "X → M";
    public string MediationOutcome { get; init; } = "Y ~ X + M";
    public string MediationJoint { get; init; } = "Joint: Y ~ X + all M";
    public string Sobel { get; init; } = "Sobel z (p)";
    public string Indirect { get; init; } = "Indirect effect a×b";
    public string BootstrapInterval { get; init; } = "Bootstrap 95% CI";
    public string MediationShare { get; init; } = "Mediation share";
    /// <summary>{0} = "Standard errors" or "t statistics", {1} = the covariance.</summary>
    public string MediationSample { get; init; } = "{0} in parentheses ({1}); one common sample, the same controls and fixed effects in every equation.";
    public string MediationJointNote { get; init; } = "Joint column: every mediator in one outcome equation; indirect effect Σ a_j·b_j with a delta-method (Sobel) standard error.";
    public string MediationBootstrap { get; init; } = "Bootstrap: {0} resamples of {1}, seed {2}; percentile interval.";
    public string MediationStars { get; init; } = "{0}; stars of a×b from the Sobel test.";

    /// <summary>The texts of multiverse tables and their specification curve.</summary>
    public MultiverseTableText Multiverse { get; init; } = MultiverseTableText.En;
    /// <summary>Descriptive, correlation and VIF tables: the stub header and the statistics' headers (N is
    /// <see cref="Observations"/>).</summary>
    public string Variable { get; init; } = "Variable";
    public string Mean { get; init; } = "Mean";
    public string Median { get; init; } = "Median";
    public string Sd { get; init; } = "SD";
    public string Min { get; init; } = "Min";
    public string Max { get; init; } = "Max";
    public string P25 { get; init; } = "P25";
    public string P75 { get; init; } = "P75";
    /// <summary>{0} = the stars legend, or empty when there are no stars.</summary>
    public string CorrelationNote { get; init; } = "Pairwise Pearson correlations{0}.";
    public string CorrelationStars { get; init; } = "; {0}";
    public string MeanVif { get; init; } = "Mean VIF";

    /// <summary>Test-statistic rows by their <c>tests:</c> name; a name missing here keeps the catalogue's English label.</summary>
    public IReadOnlyDictionary<string, string> TestLabels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The PSM column note: {0} column number, {1} treatment, {2} covariates, {3} neighbours, {4} ", caliper c"
    /// or empty, {5} treated matched, {6} treated, {7} controls used, {8} controls, {9} treated off support, {10} seed.</summary>
    public string MatchedColumn { get; init; } = "({0}) PSM: logit score of {1} on {2}; nearest neighbour 1:{3} without replacement (largest score first){4}; " +
        "{5} of {6} treated matched to {7} of {8} controls, {9} treated off support; regression on the matched sample weighted by the matching weights; seed {10}.";
    public string Caliper { get; init; } = ", caliper {0}";

    /// <summary>{0} = the synthetic variables, with labels.</summary>
    public string SyntheticNote { get; init; } = "Synthetic variables in this table: {0}. Estimates involving them illustrate the method, not findings.";

    /// <summary>The reproducibility line: {0} study file, {1} its hash, {2} "data F sha256:H" parts, {3} seeds, {4} version.</summary>
    public string Reproducibility { get; init; } = "Reproducibility: study {0} sha256:{1}; {2}; seeds: {3}; Panelwise {4}.";
    public string DataFile { get; init; } = "data {0} sha256:{1}";
    public string NoSeeds { get; init; } = "none";
    /// <summary>Factor table of a unit classification: stub header, component column ({0} = 1, 2, ...), MSA column,
    /// the eigenvalue and variance rows.</summary>
    public string Indicator { get; init; } = "Indicator";
    public string Component { get; init; } = "PC{0}";
    public string Msa { get; init; } = "MSA";
    public string Eigenvalue { get; init; } = "Eigenvalue";
    public string Explained { get; init; } = "Explained variance";
    public string Cumulative { get; init; } = "Cumulative variance";

    /// <summary>{0} = KMO, {1} = Bartlett's df, {2} = chi2, {3} = p.</summary>
    public string KmoBartlett { get; init; } = "KMO = {0}; Bartlett's test of sphericity: χ²({1}) = {2}, p = {3}.";

    /// <summary>{0} = the collinear indicators.</summary>
    public string KmoUndefined { get; init; } = "KMO and Bartlett's test are not defined: the indicators {0} are perfectly collinear across the units (the correlation matrix is singular); drop one of them to get them.";

    /// <summary>{0} = KMO.</summary>
    public string LowKmo { get; init; } = "KMO = {0} < 0.5: the indicators share little common variance, so a factor reading of the components is weak.";

    /// <summary>{0} = retained, {1} = all components, {2} = the rule, {3} = every eigenvalue.</summary>
    public string Retained { get; init; } = "{0} of {1} components retained ({2}); eigenvalues of all components: {3}.";
    public string KaiserRule { get; init; } = "eigenvalue > 1";
    public string FixedComponents { get; init; } = "as set by pca";

    /// <summary>{0} = the classification's label, {1} = units, {2} = the unit's label.</summary>
    public string FactorTitle { get; init; } = "{0}: principal components of the indicators ({1} units of {2})";
    public string MembershipTitle { get; init; } = "{0}: groups of {1} ({2} units)";
    public string Group { get; init; } = "Group";
    public string Label { get; init; } = "Label";

    /// <summary>How the groups were formed: {0} = units.</summary>
    public string UnitMeans { get; init; } = "Each unit is described by its indicators' means over its rows (an indicator that varies within a unit enters by its unit mean), standardised across the {0} units (z-scores, sample sd).";

    /// <summary>{0} = components, {1} = their share of the variance.</summary>
    public string PcaScores { get; init; } = "Clustered on {0} principal-component score(s), {1} of the variance.";

    /// <summary>{0} = the seed.</summary>
    public string KMeans { get; init; } = "k-means (Lloyd, 100 k-means++ starts, seed {0}); the same seed gives the same groups.";
    public string Ward { get; init; } = "Ward hierarchical clustering (ward.D2 on Euclidean distances), cut at k groups; no randomness.";
    public string Numbering { get; init; } = "Groups are numbered by the ascending average z-score of their centroid over the indicators (group 1 lowest); labels follow that order.";

    /// <summary>Agreement table: {0} = the classification's label, {1} = the given column's label.</summary>
    public string AgreementTitle { get; init; } = "{0} and {1}: units by derived and given group";
    public string Total { get; init; } = "Total";

    /// <summary>{0} = agreeing, {1} = units, {2} = share, {3} = the matching, {4} = the adjusted Rand index.</summary>
    public string Agreement { get; init; } = "Agreement up to a relabelling: {0} of {1} units ({2}) are in the given group matched to their derived group by the best one-to-one matching of labels ({3}); adjusted Rand index = {4}.";

    /// <summary>{0} = agreeing, {1} = units, {2} = share.</summary>
    public string AgreementAsLabelled { get; init; } = "As labelled (derived label = given group): {0} of {1} units ({2}).";

    /// <summary>{0} = count, {1} = the given column's label, {2} = the units.</summary>
    public string AgreementLeftOut { get; init; } = "{0} unit(s) without a value of {1} left out: {2}.";
    public string NotDefined { get; init; } = "not defined";

    /// <summary>English, as esttab and the English seeds print it (the default).</summary>
    public static TableText En { get; } = new();

    /// <summary>Chinese journal conventions.</summary>
    public static TableText Zh { get; } = new()
    {
        Language = "zh", Controls = "控制变量", FixedEffect = "{0}固定效应", Yes = "是", No = "否", Constant = "常数项", Observations = "观测值",
        R2 = "R²", AdjustedR2 = "调整R²", WithinR2 = "组内R²", AdjustedWithinR2 = "调整组内R²",
        StandardErrorNote = "括号内为{0}。", TStatisticNote = "括号内为t值（{0}）。", Separator = "；", ListSeparator = "，", ColumnIs = "{0}为{1}",
        StandardErrorByColumn = "括号内为标准误，{0}。", TStatisticByColumn = "括号内为t值，{0}。",
        Conventional = "标准误", Robust = "异方差稳健标准误（HC{0}）", Clustered = "聚类到{0}层面的稳健标准误", And = "与",
        DriscollKraay = "Driscoll-Kraay标准误", NeweyWest = "Newey-West标准误",
        LargeSample = "{0}（大样本约定：无小样本校正，z统计量）",
        StarsLegend = "{0}。", PercentLegend = true,
        TransformedNote = "{0}：{1}。", WinsorizedAt = "{0}%缩尾", TrimmedAt = "{0}%截尾", LaggedBy = "滞后{0}期",
        MediationTotal = "总效应", MediationA = "X→M", MediationOutcome = "Y~X+M", MediationJoint = "联合：Y~X+全部M",
        Sobel = "Sobel检验 z (p)", Indirect = "间接效应 a×b", BootstrapInterval = "Bootstrap 95%置信区间", MediationShare = "中介效应占比",
        MediationSample = "括号内为{1}；各方程样本、控制变量与固定效应相同。",
        MediationJointNote = "联合列：全部中介变量同时放入结果方程，间接效应为Σ a_j·b_j，标准误由Delta法（Sobel）计算。",
        MediationBootstrap = "Bootstrap：对{1}重复抽样{0}次，种子{2}，百分位区间。",
        MediationStars = "{0}；a×b的星号依据Sobel检验。",
        Multiverse = MultiverseTableText.Zh,
        Variable = "变量", Mean = "均值", Median = "中位数", Sd = "标准差", Min = "最小值", Max = "最大值", P25 = "25%分位数", P75 = "75%分位数",
        CorrelationNote = "表中为Pearson两两相关系数{0}。", CorrelationStars = "；{0}", MeanVif = "平均VIF",
        TestLabels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["f"] = "F统计量", ["f_u"] = "F检验（全部u_i = 0）", ["bp_lm"] = "Breusch-Pagan LM统计量", ["anderson_lm"] = "Anderson LM统计量",
            ["kp_lm"] = "Kleibergen-Paap rk LM统计量", ["kp_lm_p"] = "Kleibergen-Paap rk LM统计量p值", ["kp_f"] = "Kleibergen-Paap rk Wald F统计量",
            ["cd_f"] = "Cragg-Donald Wald F统计量", ["sy10"] = "Stock-Yogo 10%临界值", ["first_f"] = "第一阶段F值", ["sargan_p"] = "Sargan检验p值",
            ["hansen_j"] = "Hansen J统计量", ["hansen_p"] = "Hansen J检验p值", ["endog_p"] = "内生性检验p值", ["ar_p"] = "Anderson-Rubin F检验p值",
        },
        MatchedColumn = "({0}) PSM：以{2}为协变量，用logit模型估计{1}的倾向得分；1:{3}无放回最近邻匹配（得分从高到低）{4}；处理组{6}个样本中{5}个匹配成功，" +
            "匹配到对照组{8}个样本中的{7}个，{9}个处理组样本不在共同支撑域内；在匹配样本上以匹配权重加权回归；随机种子{10}。",
        Caliper = "，卡尺{0}",
        SyntheticNote = "本表使用的模拟变量：{0}。涉及这些变量的估计结果仅用于演示方法，不构成实证发现。",
        Reproducibility = "可复现信息：研究文件{0} sha256:{1}；{2}；随机种子：{3}；Panelwise {4}。", DataFile = "数据{0} sha256:{1}", NoSeeds = "无",
        Indicator = "指标", Component = "主成分{0}", Eigenvalue = "特征值", Explained = "方差贡献率", Cumulative = "累计方差贡献率",
        KmoBartlett = "KMO值为{0}；Bartlett球形检验χ²({1}) = {2}，p = {3}。",
        KmoUndefined = "指标{0}在各单位间完全共线（相关矩阵奇异），KMO与Bartlett球形检验无定义；删去其中之一即可计算。",
        LowKmo = "KMO值为{0}，小于0.5：指标间共同方差较少，主成分的因子解释较弱。",
        Retained = "保留{0}个主成分（共{1}个，{2}）；全部主成分的特征值：{3}。", KaiserRule = "特征值大于1", FixedComponents = "按pca设定",
        FactorTitle = "{0}：指标的主成分分析（{1}个{2}）", MembershipTitle = "{0}：{1}分组结果（{2}个）", Group = "组别", Label = "类别",
        UnitMeans = "各单位以其指标在各行（各年）的均值刻画（单位内变化的指标取单位均值），并在{0}个单位间标准化（z分数，样本标准差）。",
        PcaScores = "基于{0}个主成分得分聚类，累计解释{1}的方差。",
        KMeans = "k均值聚类（Lloyd算法，100次k-means++初始化，随机种子{0}），同一种子得到相同分组。",
        Ward = "Ward层次聚类（ward.D2，欧氏距离），划分为k组，无随机性。",
        Numbering = "组别按组中心标准化指标均值升序编号（第1组最低），类别标签依此顺序。",
        AgreementTitle = "{0}与{1}的对照（单位数）", Total = "合计",
        Agreement = "按标签的最优一一对应（{3}），{1}个单位中有{0}个（{2}）归入对应的给定组；调整兰德指数为{4}。",
        AgreementAsLabelled = "按标签直接比较（派生类别 = 给定组）：{1}个单位中有{0}个（{2}）一致。",
        AgreementLeftOut = "{0}个单位缺少{1}，未计入：{2}。", NotDefined = "无定义",
    };

    /// <summary>The catalogue of <paramref name="language"/> ("en" or "zh"); null when unknown.</summary>
    public static TableText? For(string language) => language.Trim().ToLowerInvariant() switch
    {
        "en" => En,
        "zh" => Zh,
        _ => null,
    };

    public static IReadOnlyList<string> Languages { get; } = ["en", "zh"];

    private static readonly Dictionary<string, Func<TableText, string, TableText>> Setters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["controls"] = (t, v) => t with { Controls = v }, ["fe"] = (t, v) => t with { FixedEffect = v },
        ["yes"] = (t, v) => t with { Yes = v }, ["no"] = (t, v) => t with { No = v },
        ["constant"] = (t, v) => t with { Constant = v }, ["n"] = (t, v) => t with { Observations = v },
        ["r2"] = (t, v) => t with { R2 = v }, ["adj_r2"] = (t, v) => t with { AdjustedR2 = v },
        ["r2_within"] = (t, v) => t with { WithinR2 = v }, ["adj_r2_within"] = (t, v) => t with { AdjustedWithinR2 = v },
        ["se_note"] = (t, v) => t with { StandardErrorNote = v }, ["t_note"] = (t, v) => t with { TStatisticNote = v },
        ["clustered"] = (t, v) => t with { Clustered = v }, ["robust"] = (t, v) => t with { Robust = v },
        ["conventional"] = (t, v) => t with { Conventional = v }, ["stars_note"] = (t, v) => t with { StarsLegend = v },
        ["total_effect"] = (t, v) => t with { MediationTotal = v }, ["x_to_m"] = (t, v) => t with { MediationA = v },
        ["y_on_x_m"] = (t, v) => t with { MediationOutcome = v }, ["joint"] = (t, v) => t with { MediationJoint = v },
        ["sobel"] = (t, v) => t with { Sobel = v }, ["indirect"] = (t, v) => t with { Indirect = v },
        ["bootstrap_ci"] = (t, v) => t with { BootstrapInterval = v }, ["mediation_share"] = (t, v) => t with { MediationShare = v },
        ["variable"] = (t, v) => t with { Variable = v }, ["mean"] = (t, v) => t with { Mean = v }, ["median"] = (t, v) => t with { Median = v },
        ["sd"] = (t, v) => t with { Sd = v }, ["min"] = (t, v) => t with { Min = v }, ["max"] = (t, v) => t with { Max = v },
        ["p25"] = (t, v) => t with { P25 = v }, ["p75"] = (t, v) => t with { P75 = v },
        ["correlation_note"] = (t, v) => t with { CorrelationNote = v }, ["mean_vif"] = (t, v) => t with { MeanVif = v },
        ["psm_note"] = (t, v) => t with { MatchedColumn = v }, ["synthetic_note"] = (t, v) => t with { SyntheticNote = v },
        ["reproducibility"] = (t, v) => t with { Reproducibility = v },
        ["indicator"] = (t, v) => t with { Indicator = v }, ["component"] = (t, v) => t with { Component = v },
        ["msa"] = (t, v) => t with { Msa = v }, ["eigenvalue"] = (t, v) => t with { Eigenvalue = v },
        ["explained"] = (t, v) => t with { Explained = v }, ["cumulative"] = (t, v) => t with { Cumulative = v },
        ["kmo_bartlett"] = (t, v) => t with { KmoBartlett = v }, ["group"] = (t, v) => t with { Group = v },
        ["label"] = (t, v) => t with { Label = v }, ["total"] = (t, v) => t with { Total = v },
        ["agreement"] = (t, v) => t with { Agreement = v },
    };

    /// <summary>The keys of a <c>text:</c> map (case-insensitive), e.g. <c>controls</c>, <c>fe</c> ("{0} FE"), <c>n</c>.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. Setters.Keys, .. TestRowCatalog.Names];

    /// <summary>This catalogue with the entry <paramref name="key"/> replaced; null when the key is unknown.</summary>
    public TableText? With(string key, string value) =>
        Setters.TryGetValue(key.Trim(), out var set) ? set(this, value)
        : TestRowCatalog.IsKnown(key.Trim()) ? this with { TestLabels = new Dictionary<string, string>(TestLabels, StringComparer.Ordinal) { [key.Trim()] = value } }
        : null;

    /// <summary>The label of the test row <paramref name="name"/> in this language, or <paramref name="english"/>.</summary>
    public string TestLabel(string name, string english) => TestLabels.TryGetValue(name, out var label) ? label : english;

    /// <summary>The <c>text:</c> key of <paramref name="name"/> when it is a key or an English fixed text ("Controls",
    /// "Adj. R²"); null otherwise. Lets a study say "write it under text:" when a label names a fixed text.</summary>
    public static string? KeyOf(string name)
    {
        string n = name.Trim();
        if (Setters.ContainsKey(n)) return n.ToLowerInvariant();
        return EnglishTexts.TryGetValue(n, out var k) ? k : null;
    }

    private static readonly Dictionary<string, string> EnglishTexts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Controls"] = "controls", ["Constant"] = "constant", ["N"] = "n", ["Yes"] = "yes", ["No"] = "no", ["FE"] = "fe",
        ["R²"] = "r2", ["R2"] = "r2", ["Adj. R²"] = "adj_r2", ["Within R²"] = "r2_within", ["Adj. within R²"] = "adj_r2_within",
        ["Total effect"] = "total_effect", ["Mediation share"] = "mediation_share", ["Sobel z (p)"] = "sobel",
        ["Variable"] = "variable", ["Mean"] = "mean", ["Median"] = "median", ["SD"] = "sd", ["Min"] = "min", ["Max"] = "max", ["Mean VIF"] = "mean_vif",
    };

    /// <summary>Whether <paramref name="key"/> names an entry.</summary>
    public static bool IsKey(string key) => Setters.ContainsKey(key.Trim()) || TestRowCatalog.IsKnown(key.Trim());
}
