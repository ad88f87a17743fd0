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

    /// <summary>Decimals of coefficients, standard errors and statistics (a study's <c>digits:</c>); a nonzero
    /// coefficient that would print as 0.000 gets as many significant digits instead.</summary>
    public int Decimals { get; init; } = 3;

    /// <summary>Terms not shown one by one but summarised in a "Controls: Yes/No" row; empty = no such row.</summary>
    public IReadOnlyList<string> Controls { get; init; } = [];

    public bool ShowConstant { get; init; } = true;

    public IReadOnlyList<FitStatistic> Statistics { get; init; } =
        [FitStatistic.Observations, FitStatistic.R2, FitStatistic.AdjustedR2, FitStatistic.WithinR2];

    public IReadOnlyList<TestRow> Tests { get; init; } = [];

    /// <summary>Words of indicator rows (Controls, FE); null = <see cref="Text"/>'s.</summary>
    public string? Yes { get; init; }

    public string? No { get; init; }

    /// <summary>Every fixed text (row labels, notes, mediation headers) in one language: <see cref="TableText.En"/>
    /// (default) or <see cref="TableText.Zh"/>, possibly with entries replaced (<see cref="TableText.With"/>).</summary>
    public TableText Text { get; init; } = TableText.En;

    /// <summary>Term -> row name, as esttab's <c>rename()</c>: terms renamed to one row share it (and its label);
    /// two terms of one column on one row are an error naming both. See <see cref="RowIdentity"/>.</summary>
    public IReadOnlyDictionary<string, string> Rename { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether winsor(x, p), trim(x, p) and l(x, k) share the row of x (with a note saying which column
    /// transformed it); on by default.</summary>
    public bool MergeTransformed { get; init; } = true;

    /// <summary>Extra lines after the standard-error and stars notes.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
