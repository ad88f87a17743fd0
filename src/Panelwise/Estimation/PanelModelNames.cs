namespace Panelwise.Estimation;

/// <summary>The text form of <see cref="PanelModel"/>: what a front end accepts for the model and what the JSON calls each model.</summary>
public static class PanelModelNames
{
    /// <summary>Parses <c>ols</c> (or <c>pooled</c>), <c>fe</c> (<c>within</c>), <c>lsdv</c>, <c>re</c> (<c>random</c>),
    /// <c>be</c> (<c>between</c>), <c>fd</c> or <c>fgls</c>.</summary>
    public static PanelModel Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "ols" or "pooled" => PanelModel.Ols,
        "fe" or "within" => PanelModel.FixedEffects,
        "lsdv" => PanelModel.DummyVariables,
        "re" or "random" => PanelModel.RandomEffects,
        "be" or "between" => PanelModel.Between,
        "fd" => PanelModel.FirstDifference,
        "fgls" => PanelModel.Fgls,
        _ => throw new UserInputException($"Unknown model '{text}': use ols, fe, lsdv, re, be or fd."),
    };

    /// <summary>The JSON name ("fe", "re", ...); null for pooled OLS, whose name depends on its fixed effects.</summary>
    public static string? JsonName(PanelModel model) => model switch
    {
        PanelModel.FixedEffects => "fe",
        PanelModel.DummyVariables => "lsdv",
        PanelModel.RandomEffects => "re",
        PanelModel.Between => "be",
        PanelModel.FirstDifference => "fd",
        PanelModel.Fgls => "fgls",
        _ => null,
    };
}
