namespace Panelwise.Study;

/// <summary>A library <see cref="Setting"/> in a study's terms: its YAML key where the study file has one (written
/// <c>key:</c>, as in <c>panels: hetero</c>), the library name otherwise. Used where a study error quotes a library
/// error next to the study file's line.</summary>
public static class StudySettings
{
    public static string Name(Setting setting) => setting switch
    {
        Setting.Panel => "panel:",
        Setting.Weights => "weights:",
        Setting.Model => "model:",
        Setting.Vcov => "vcov:",
        Setting.If => "if:",
        Setting.LargeSample => "small: false",
        Setting.NaStrings => "na:",
        Setting.FglsPanels => "panels:",
        Setting.FglsCorrelation => "corr:",
        Setting.By => "by:",
        Setting.Treatment => "treatment:",
        Setting.Covariates => "covariates:",
        Setting.Caliper => "caliper:",
        Setting.Mediators => "m:",
        Setting.Controls => "controls:",
        Setting.MediationFixedEffects => "fe:",
        Setting.MediationBootstrap => "bootstrap:",
        // Quoted, not "key:": the library writes these as "{Setting}: 'x' is not a choice" and "loosen {Setting}".
        Setting.MultiverseExclusions => "'exclude'",
        Setting.MultiverseBaseline => "'baseline'",
        _ => SettingText.LibraryName(setting),
    };

    /// <summary>The error's message with its settings named as in a study file (other errors: their message).</summary>
    public static string Message(Exception ex) => ex is UserInputException u ? u.Render(Name) : ex.Message;
}
