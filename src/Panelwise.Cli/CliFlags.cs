namespace Panelwise.Cli;

/// <summary>The CLI's name for each library <see cref="Setting"/>: the one place where library messages meet flags.
/// The library writes <c>{Weights}</c>; the CLI shows <c>--weights</c>.</summary>
internal static class CliFlags
{
    public static string Name(Setting setting) => setting switch
    {
        Setting.Panel => "--panel",
        Setting.Weights => "--weights",
        Setting.Model => "--model",
        Setting.Vcov => "--vcov",
        Setting.If => "--if",
        Setting.ShowFixedEffects => "--show-fe",
        Setting.DropOutliers => "--drop-outliers",
        Setting.LargeSample => "--no-small",
        Setting.EndogeneityTest => "--endog",
        Setting.WildBootstrap => "--wildboot",
        Setting.FixedEffectMaxIterations => "--fe-maxiter",
        Setting.FixedEffectTolerance => "--fe-tol",
        Setting.NaStrings => "--na",
        Setting.Output => "--out",
        Setting.FglsPanels => "--panels",
        Setting.FglsCorrelation => "--corr",
        Setting.Components => "--pca",
        Setting.Groups => "--k",
        Setting.Aggregation => "--aggregation",
        Setting.Missing => "--missing",
        Setting.UnitColumn => "--id",
        Setting.TimeColumn => "--time",
        Setting.By => "--by",
        Setting.Order => "--order",
        Setting.Caliper => "--caliper",
        Setting.Bandwidth => "--bandwidth",
        Setting.CommonSupport => "--common",
        Setting.Treatment => "--treat",
        Setting.Outcome => "--outcome",
        Setting.Covariates => "--covariates",
        Setting.AbadieImbens => "--ai",
        Setting.MatchingBootstrap or Setting.MediationBootstrap => "--bootstrap",
        Setting.MatchingMethod => "--method",
        Setting.Replace => "--replace",
        Setting.Mediators => "--m",
        Setting.Controls => "--controls",
        Setting.MediationFixedEffects => "--fe",
        Setting.MultiverseExclusions => "--exclude",
        Setting.MultiverseBaseline => "--baseline",
        _ => SettingText.LibraryName(setting),
    };

    /// <summary>An error's message as the CLI prints it: settings as flags.</summary>
    public static string Message(Exception ex) => ex is UserInputException u ? u.Render(Name) : ex.Message;
}
