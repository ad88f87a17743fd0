namespace Panelwise.Render.Tables;

/// <summary>How a regression table looks. Defaults follow the seeds and esttab: three decimals, standard errors in
/// parentheses, stars at 0.1/0.05/0.01, N and R² rows.</summary>
public sealed record RegressionTableOptions
{
    public string Title { get; init; } = "";

    /// <summary>Heading of the label column.</summary>
    public string StubHeader { get; init; } = "";

    /// <summary>Display names of variables and fixed effects (term or column name -> label); Chinese is fine.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public StarThresholds Stars { get; init; } = StarThresholds.Default;

    public BracketStatistic Bracket { get; init; } = BracketStatistic.StandardError;

    /// <summary>Decimals of coefficients, standard errors and statistics.</summary>
    public int Decimals { get; init; } = 3;

    /// <summary>Terms not shown one by one but summarised in a "Controls: Yes/No" row; empty = no such row.</summary>
    public IReadOnlyList<string> Controls { get; init; } = [];

    public bool ShowConstant { get; init; } = true;

    public IReadOnlyList<FitStatistic> Statistics { get; init; } =
        [FitStatistic.Observations, FitStatistic.R2, FitStatistic.AdjustedR2, FitStatistic.WithinR2];

    public IReadOnlyList<TestRow> Tests { get; init; } = [];

    /// <summary>Words of indicator rows (Controls, FE).</summary>
    public string Yes { get; init; } = "Yes";

    public string No { get; init; } = "No";

    /// <summary>Extra lines after the standard-error and stars notes.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
