namespace Panelwise.Study;

/// <summary>A study file that cannot be run. <see cref="Problems"/> lists every problem found (each with file, line and
/// a fix); they are all found before any estimation starts.</summary>
public sealed class StudyException : UserInputException
{
    public StudyException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : $"{problems.Count} problems in the study file:\n" + string.Join("\n", problems.Select(p => "  " + p)))
    {
        Problems = [.. problems.Select(p => SettingText.Render(p, SettingText.LibraryName))];
    }

    /// <summary>Each problem, settings named as library options (the message renders them in a front end's terms).</summary>
    public IReadOnlyList<string> Problems { get; }
}
