namespace Panelwise.Formula;

/// <summary>Prefix operators.</summary>
public enum UnaryOperator
{
    /// <summary>Arithmetic negation <c>-x</c>.</summary>
    Negate,
    /// <summary>Logical not <c>!x</c>.</summary>
    Not,
}
