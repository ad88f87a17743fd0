namespace Panelwise.Estimation.Panel;

/// <summary>The error structure of <c>Models.Fgls</c>: Stata's xtgls defaults are panels(iid) corr(independent).</summary>
public sealed record FglsOptions
{
    public FglsPanels Panels { get; init; } = FglsPanels.Iid;

    public FglsCorrelation Correlation { get; init; } = FglsCorrelation.Independent;

    /// <summary>Parses the CLI words: panels iid|hetero|heteroskedastic|correlated, corr independent|ar1|psar1.</summary>
    public static FglsOptions Parse(string? panels, string? correlation) => new()
    {
        Panels = (panels ?? "iid").Trim().ToLowerInvariant() switch
        {
            "iid" => FglsPanels.Iid,
            "hetero" or "heteroskedastic" => FglsPanels.Hetero,
            "correlated" => FglsPanels.Correlated,
            var p => throw new UserInputException($"{{FglsPanels}} {p}: use iid, hetero or correlated (Stata xtgls panels())."),
        },
        Correlation = (correlation ?? "independent").Trim().ToLowerInvariant() switch
        {
            "independent" or "ind" => FglsCorrelation.Independent,
            "ar1" => FglsCorrelation.Ar1,
            "psar1" => FglsCorrelation.Psar1,
            var c => throw new UserInputException($"{{FglsCorrelation}} {c}: use independent, ar1 or psar1 (Stata xtgls corr())."),
        },
    };

    public override string ToString() =>
        $"panels({Panels.ToString().ToLowerInvariant()}) corr({Correlation.ToString().ToLowerInvariant()})";
}
