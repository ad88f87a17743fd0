namespace Panelwise.Formula;

/// <summary>A bad filter (<c>FitOptions.If</c>) expression: syntax, an unknown column, or text compared with a number.
/// The message shows the expression with a caret under the offending part.</summary>
public sealed class ExpressionException : UserInputException
{
    /// <summary>Creates the error for <paramref name="expression"/> at character <paramref name="position"/>.</summary>
    public ExpressionException(string expression, int position, string token, string problem)
        : base(Caret.Format("Filter error", problem, expression, position))
    {
        Expression = expression;
        Position = position;
        Token = token;
        Problem = SettingText.Render(problem, SettingText.LibraryName);
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>0-based character index of the offending part.</summary>
    public int Position { get; }

    /// <summary>The offending token or sub-expression.</summary>
    public string Token { get; }

    /// <summary>The problem alone, without the expression and caret, in library terms.</summary>
    public string Problem { get; }
}
