namespace Panelwise.Formula;

/// <summary>One term of a model formula: an expression (<see cref="ExpressionTerm"/>), an interaction
/// (<see cref="InteractionTerm"/>) or factor dummies (<see cref="FactorTerm"/>). Immutable.</summary>
public abstract record Term
{
    /// <summary>The term as written canonically; for a numeric term this is the regressor name.</summary>
    public abstract string Name { get; }

    /// <summary>Every data column the term reads.</summary>
    public abstract IReadOnlySet<string> Columns();

    /// <summary>True when the term uses l(), f() or d() and so needs a panel index.</summary>
    public abstract bool UsesPanel();

    /// <summary>The canonical text, same as <see cref="Name"/>.</summary>
    public sealed override string ToString() => Name;
}
