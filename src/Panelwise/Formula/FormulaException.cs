namespace Panelwise.Formula;

/// <summary>A malformed model formula. The message shows the formula with a caret under the bad token
/// and says what was expected.</summary>
public sealed class FormulaException : UserInputException
{
    /// <summary>Creates the error for <paramref name="formula"/> at character <paramref name="position"/>.</summary>
    public FormulaException(string formula, int position, string token, string problem)
        : base(Caret.Format("Formula error", problem, formula, position))
    {
        Formula = formula;
        Position = position;
        Token = token;
        Problem = problem;
    }

    /// <summary>The formula as written.</summary>
    public string Formula { get; }

    /// <summary>0-based character index of the bad token (the formula length when it ended too early).</summary>
    public int Position { get; }

    /// <summary>The bad token as written; empty at the end of the formula.</summary>
    public string Token { get; }

    /// <summary>The problem alone, without the formula and caret.</summary>
    public string Problem { get; }
}
