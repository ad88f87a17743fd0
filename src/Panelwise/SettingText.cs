using System.Text.RegularExpressions;

namespace Panelwise;

/// <summary>Renders the <c>{Setting}</c> placeholders of a message template (see <see cref="Setting"/>): in library
/// terms by default (<c>{Weights}</c> -> <c>FitOptions.Weights</c>), or in a front end's terms by a naming function
/// (the CLI's flags, a study's YAML keys). Braces that do not hold a <see cref="Setting"/> name are left as written.</summary>
public static partial class SettingText
{
    [GeneratedRegex(@"\{([A-Z][A-Za-z]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>The template with every placeholder replaced by <paramref name="name"/> of its setting.</summary>
    public static string Render(string template, Func<Setting, string> name) =>
        template.Contains('{', StringComparison.Ordinal)
            ? Placeholder().Replace(template, m => Enum.TryParse<Setting>(m.Groups[1].Value, out var s) && Enum.IsDefined(s) ? name(s) : m.Value)
            : template;

    /// <summary>The settings the template names, in order of first mention.</summary>
    public static IReadOnlyList<Setting> Mentioned(string template)
    {
        var found = new List<Setting>();
        foreach (Match m in Placeholder().Matches(template))
            if (Enum.TryParse<Setting>(m.Groups[1].Value, out var s) && Enum.IsDefined(s) && !found.Contains(s)) found.Add(s);
        return found;
    }

    /// <summary>The placeholder of a setting, for building templates: <c>Setting.Weights.Ref()</c> is <c>{Weights}</c>.</summary>
    public static string Ref(this Setting setting) => "{" + setting + "}";

    /// <summary>The setting in library terms: the option type and property a caller sets.</summary>
    public static string LibraryName(Setting setting) => setting switch
    {
        Setting.Panel => "FitOptions.Panel",
        Setting.Weights => "FitOptions.Weights",
        Setting.Model => "FitOptions.Model",
        Setting.Vcov => "FitOptions.Vcov",
        Setting.If => "FitOptions.If",
        Setting.ShowFixedEffects => "FitOptions.ShowFixedEffects",
        Setting.DropOutliers => "FitOptions.DropOutliers",
        Setting.LargeSample => "VcovSpec.Small = false",
        Setting.EndogeneityTest => "IvOptions.EndogeneityTest",
        Setting.WildBootstrap => "WildBootstrapSpec",
        Setting.FixedEffectMaxIterations => "AbsorbOptions.MaxIterations",
        Setting.FixedEffectTolerance => "AbsorbOptions.Tolerance",
        Setting.NaStrings => "ReadOptions.NaStrings",
        Setting.Output => "the output path",
        Setting.FglsPanels => "FglsOptions.Panels",
        Setting.FglsCorrelation => "FglsOptions.Correlation",
        Setting.Components => "UnitGroupingOptions.Components",
        Setting.Groups => "UnitGroupingOptions.K",
        Setting.Aggregation => "IndexNode.Aggregation",
        Setting.Missing => "IndexSpec.Missing",
        Setting.UnitColumn => "IndexSpec.UnitColumn",
        Setting.TimeColumn => "IndexSpec.TimeColumn",
        Setting.By => "ComparisonSpec.By",
        Setting.Order => "MatchingSpec.Order",
        Setting.Caliper => "MatchingSpec.Caliper",
        Setting.Bandwidth => "MatchingSpec.Bandwidth",
        Setting.CommonSupport => "MatchingSpec.CommonSupport",
        Setting.Treatment => "MatchingSpec.Treatment",
        Setting.Outcome => "MatchingSpec.Outcome",
        Setting.Covariates => "MatchingSpec.Covariates",
        Setting.AbadieImbens => "MatchingSpec.AbadieImbensNeighbours",
        Setting.MatchingBootstrap => "MatchingSpec.BootstrapReps",
        Setting.MatchingMethod => "MatchingSpec.Method",
        Setting.Replace => "MatchingSpec.Replace",
        Setting.Mediators => "MediationSpec.Mediators",
        Setting.Controls => "MediationSpec.Controls",
        Setting.MediationFixedEffects => "MediationSpec.FixedEffects",
        Setting.MediationBootstrap => "MediationSpec.BootstrapReps",
        Setting.MultiverseExclusions => "MultiverseSpec.Exclusions",
        Setting.MultiverseBaseline => "MultiverseSpec.Baseline",
        _ => setting.ToString(),
    };
}
