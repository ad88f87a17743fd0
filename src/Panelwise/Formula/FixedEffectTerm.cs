namespace Panelwise.Formula;

/// <summary>A fixed effect after <c>|</c>: one variable (<c>id</c>) or an interaction of several (<c>id^year</c>).</summary>
/// <param name="Variables">The variables, in the order written.</param>
public sealed record FixedEffectTerm(IReadOnlyList<string> Variables)
{
    /// <summary>The fixed effect as written, e.g. <c>id^year</c>.</summary>
    public string Name => string.Join("^", Variables.Select(Names.Quote));

    /// <summary>The canonical text, same as <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
