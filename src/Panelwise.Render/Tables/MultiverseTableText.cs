namespace Panelwise.Render.Tables;

/// <summary>The fixed texts of a multiverse's tables and specification curve in one language (part of
/// <see cref="TableText"/>, chosen by a study's <c>language:</c>): the summary's row labels and notes, the names of the
/// dimensions, the headers of the table of specifications and the plot's title and axis. Formats take their values
/// as {0}, {1}, ...</summary>
public sealed record MultiverseTableText
{
    public string Value { get; init; } = "Value";
    public string Specifications { get; init; } = "Specifications";
    public string ModelFits { get; init; } = "Model fits";
    public string Median { get; init; } = "Median estimate";
    public string Smallest { get; init; } = "Smallest estimate";
    public string Largest { get; init; } = "Largest estimate";
    public string SharePositive { get; init; } = "Share positive";
    public string ShareSignificant { get; init; } = "Share significant (p < 0.05)";
    public string ShareSignificantPositive { get; init; } = "Share significant and positive";
    public string ShareSignificantNegative { get; init; } = "Share significant and negative";
    public string Baseline { get; init; } = "Baseline specification";
    public string BaselineEstimate { get; init; } = "Baseline estimate";
    public string BaselineRank { get; init; } = "Baseline rank (1 = smallest)";

    /// <summary>A count out of a total: {0} of {1} (the baseline's rank, the joint test's draws used).</summary>
    public string OutOf { get; init; } = "{0} of {1}";
    public string JointMedian { get; init; } = "Joint test: median, p-value";

    /// <summary>{0} = <see cref="Positive"/> or <see cref="Negative"/>.</summary>
    public string JointCount { get; init; } = "Joint test: number significant {0}";
    public string JointCountPValue { get; init; } = "Joint test: number significant, p-value";
    public string JointDraws { get; init; } = "Joint test: bootstrap draws used";
    public string Positive { get; init; } = "positive";
    public string Negative { get; init; } = "negative";

    /// <summary>{0} = the focal terms, {1} = the number of specifications.</summary>
    public string Note { get; init; } = "The coefficient of {0} in every combination of outcome, focal term, controls, fixed effects, covariance and sample ({1} specifications); significant: two-sided p < 0.05 under the specification's covariance.";

    /// <summary>{0} = what is resampled, {1} = draws, {2} = seed.</summary>
    public string JointNote { get; init; } = "Joint test (Simonsohn, Simmons and Nelson 2020): each specification's effect removed from its outcome, {0} resampled {1} times (seed {2}); p = share of draws at least as extreme as observed.";

    /// <summary>{0} = the resampled unit's label.</summary>
    public string Clusters { get; init; } = "clusters of {0}";
    public string Rows { get; init; } = "rows";

    public string Outcome { get; init; } = "Outcome";
    public string Focal { get; init; } = "Focal term";
    public string Instruments { get; init; } = "Instruments";
    public string Controls { get; init; } = "Controls";
    public string FixedEffects { get; init; } = "Fixed effects";
    public string Vcov { get; init; } = "Covariance";
    public string Sample { get; init; } = "Sample";

    /// <summary>An empty control or fixed-effect set.</summary>
    public string None { get; init; } = "none";

    /// <summary>The unrestricted sample.</summary>
    public string All { get; init; } = "all";

    /// <summary>Joins the terms of a choice (controls, fixed effects).</summary>
    public string TermSeparator { get; init; } = " + ";

    /// <summary>A transformed variable: {0} = its label, {1} = the transformation ("winsorized at 1%").</summary>
    public string Transformed { get; init; } = "{0} ({1})";

    /// <summary>An indicator row of the curve: {0} = the dimension, {1} = the choice.</summary>
    public string IndicatorRow { get; init; } = "{0}: {1}";

    public string Spec { get; init; } = "Spec";
    public string Estimate { get; init; } = "Estimate";
    public string StdError { get; init; } = "Std. err.";
    public string PValue { get; init; } = "p";
    public string ConfLow { get; init; } = "95% CI low";
    public string ConfHigh { get; init; } = "95% CI high";
    public string Nobs { get; init; } = "N";

    /// <summary>{0} = the focal terms.</summary>
    public string PlotTitle { get; init; } = "Specification curve: {0}";
    public string PlotAxis { get; init; } = "Specifications, sorted by estimate (95% CI; blue/red: p < 0.05)";

    public static MultiverseTableText En { get; } = new();

    public static MultiverseTableText Zh { get; } = new()
    {
        Value = "数值", Specifications = "设定数", ModelFits = "模型估计次数", Median = "系数中位数", Smallest = "系数最小值", Largest = "系数最大值",
        SharePositive = "系数为正的比例", ShareSignificant = "5%水平显著的比例", ShareSignificantPositive = "显著为正的比例",
        ShareSignificantNegative = "显著为负的比例", Baseline = "基准设定编号", BaselineEstimate = "基准设定系数", BaselineRank = "基准设定排序（1为最小）",
        OutOf = "{0}/{1}", JointMedian = "联合检验：系数中位数p值", JointCount = "联合检验：显著{0}的设定数", JointCountPValue = "联合检验：显著设定数p值",
        JointDraws = "联合检验：有效Bootstrap次数", Positive = "为正", Negative = "为负",
        Note = "{0}的系数在被解释变量、核心解释变量、控制变量、固定效应、标准误与样本的全部组合（共{1}个设定）中的分布；显著指在该设定的标准误下双侧p<0.05。",
        JointNote = "联合检验（Simonsohn, Simmons and Nelson 2020）：从各设定的被解释变量中剔除其估计效应后，对{0}有放回抽样{1}次（种子{2}）；p值为至少与实际结果同样极端的抽样比例。",
        Clusters = "{0}（整群）", Rows = "观测值",
        Outcome = "被解释变量", Focal = "核心解释变量", Instruments = "工具变量", Controls = "控制变量", FixedEffects = "固定效应", Vcov = "标准误", Sample = "样本",
        None = "无", All = "全样本", TermSeparator = "、", Transformed = "{0}（{1}）", IndicatorRow = "{0}：{1}",
        Spec = "设定", Estimate = "系数", StdError = "标准误", PValue = "p值", ConfLow = "95%置信区间下限", ConfHigh = "95%置信区间上限", Nobs = "观测值",
        PlotTitle = "设定曲线：{0}", PlotAxis = "设定（按系数从小到大排列；95%置信区间；蓝/红：p<0.05）",
    };
}
