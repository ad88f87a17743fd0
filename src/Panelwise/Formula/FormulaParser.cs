namespace Panelwise.Formula;

/// <summary>Parses fixest-style formulas:
/// <c>response ~ terms [| fixed effects] [| endogenous ~ instruments]</c>; the part after the first <c>|</c>
/// is the IV part when it contains <c>~</c>. Terms are variables, <c>log/exp/sqrt/abs(expr)</c>, <c>I(expr)</c>,
/// interactions <c>a:b</c>, factor dummies <c>i(f)</c>, <c>i(f, ref = "a")</c>, <c>i(f, x)</c>, panel operators
/// <c>l(x, k)</c>, <c>l(x, 1:3)</c>, <c>f(x, k)</c>, <c>d(x)</c>, the intercept markers <c>0 +</c>, <c>1 +</c>, <c>- 1</c>,
/// and one of <c>csw/csw0/sw/sw0(...)</c>. Fixed effects are variables joined by <c>+</c>, interacted with <c>^</c>,
/// and may use one csw/sw operator too.</summary>
public static class FormulaParser
{
    /// <summary>Parses <paramref name="formula"/>.</summary>
    /// <exception cref="FormulaException">The formula is malformed; the message points at the problem.</exception>
    public static ParsedFormula Parse(string formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        return new FormulaReader(formula).Read();
    }
}
