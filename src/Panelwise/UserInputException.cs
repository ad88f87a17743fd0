namespace Panelwise;

/// <summary>
/// An input the user can fix: a bad file, formula, filter, option, study file or a model that cannot be estimated as
/// specified. The message says what is wrong, where, and what to do; <see cref="File"/>, <see cref="Row"/>,
/// <see cref="Column"/> and <see cref="Term"/> carry the place where it is known. Every other exception escaping the
/// library is a bug in Panelwise and is reported as an internal error.
/// </summary>
public class UserInputException : Exception
{
    /// <summary>Creates the error with its full message (what, where and the fix).</summary>
    public UserInputException(string message) : base(message) { }

    /// <summary>Creates the error with its full message and the error it explains.</summary>
    public UserInputException(string message, Exception? inner) : base(message, inner) { }

    /// <summary>The file, when known.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based data row (header excluded) or file line, when known.</summary>
    public long? Row { get; init; }

    /// <summary>The column or variable, when known.</summary>
    public string? Column { get; init; }

    /// <summary>The model term or option, when known.</summary>
    public string? Term { get; init; }
}
