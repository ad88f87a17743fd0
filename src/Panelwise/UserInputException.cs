namespace Panelwise;

/// <summary>
/// An input the user can fix: a bad file, formula, filter, option, study file or a model that cannot be estimated as
/// specified. The message says what is wrong, where, and what to do; <see cref="File"/>, <see cref="Row"/>,
/// <see cref="Column"/> and <see cref="Term"/> carry the place where it is known. Every other exception escaping the
/// library is a bug in Panelwise and is reported as an internal error.
/// The message is written in library terms: a setting is named by a placeholder (<c>{Weights}</c>, see
/// <see cref="Setting"/>) that <see cref="Message"/> renders as the option (<c>FitOptions.Weights</c>) and a front
/// end renders in its own terms with <see cref="Render"/> (the CLI as <c>--weights</c>).
/// </summary>
public class UserInputException : Exception
{
    /// <summary>Creates the error with its full message (what, where and the fix), settings as placeholders.</summary>
    public UserInputException(string message) : base(message) => Template = message;

    /// <summary>Creates the error with its full message and the error it explains.</summary>
    public UserInputException(string message, Exception? inner) : base(message, inner) => Template = message;

    /// <summary>The message with its settings as <c>{Setting}</c> placeholders: embed this, not <see cref="Message"/>,
    /// in another error's template so the front end can still render the settings in its terms.</summary>
    public string Template { get; }

    /// <summary>The message in library terms (<c>{Weights}</c> reads <c>FitOptions.Weights</c>).</summary>
    public override string Message => SettingText.Render(Template, SettingText.LibraryName);

    /// <summary>The settings the message points at, in order of mention (empty when it names none).</summary>
    public IReadOnlyList<Setting> Settings => SettingText.Mentioned(Template);

    /// <summary>The message with each setting named by <paramref name="name"/> (a CLI flag, a YAML key).</summary>
    public string Render(Func<Setting, string> name) => SettingText.Render(Template, name);

    /// <summary>The file, when known.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based data row (header excluded) or file line, when known.</summary>
    public long? Row { get; init; }

    /// <summary>The column or variable, when known.</summary>
    public string? Column { get; init; }

    /// <summary>The model term or option, when known.</summary>
    public string? Term { get; init; }
}
