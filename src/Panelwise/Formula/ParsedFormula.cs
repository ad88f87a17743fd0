namespace Panelwise.Formula;

/// <summary>A parsed formula, possibly describing several models through csw/sw operators.
/// Use <see cref="Expand"/> to get the individual models.</summary>
public sealed class ParsedFormula
{
    private readonly IReadOnlyList<Slot<Term>> _regressors;
    private readonly IReadOnlyList<Slot<FixedEffectTerm>> _fixedEffects;
    private readonly bool _intercept;

    internal ParsedFormula(string source, Term response, IReadOnlyList<Slot<Term>> regressors, bool intercept,
        IReadOnlyList<Slot<FixedEffectTerm>> fixedEffects, IReadOnlyList<Term> endogenous, IReadOnlyList<Term> instruments)
    {
        Source = source;
        Response = response;
        _regressors = regressors;
        _intercept = intercept;
        _fixedEffects = fixedEffects;
        Endogenous = endogenous;
        Instruments = instruments;
    }

    /// <summary>The formula as written.</summary>
    public string Source { get; }

    /// <summary>The dependent variable.</summary>
    public Term Response { get; }

    /// <summary>Endogenous regressors of the IV part.</summary>
    public IReadOnlyList<Term> Endogenous { get; }

    /// <summary>Excluded instruments of the IV part.</summary>
    public IReadOnlyList<Term> Instruments { get; }

    /// <summary>True when the formula uses csw, csw0, sw or sw0.</summary>
    public bool IsMultiple => _regressors.Any(s => s.Kind != MultiKind.None) || _fixedEffects.Any(s => s.Kind != MultiKind.None);

    /// <summary>One <see cref="ModelSpec"/> per variant. Right-hand-side variants vary slowest and fixed-effect
    /// variants fastest: <c>y ~ csw(a, b) | sw(id, year)</c> gives a|id, a|year, a+b|id, a+b|year.
    /// csw(a, b, c) gives a; a+b; a+b+c. csw0 adds the variant without any of them first; sw(a, b) gives a; b;
    /// sw0 adds the variant without any first.</summary>
    public IReadOnlyList<ModelSpec> Expand()
    {
        var specs = new List<ModelSpec>();
        foreach (var regressors in Slot<Term>.Expand(_regressors))
            foreach (var fixedEffects in Slot<FixedEffectTerm>.Expand(_fixedEffects))
                specs.Add(new ModelSpec
                {
                    Response = Response,
                    Regressors = regressors,
                    Intercept = _intercept && fixedEffects.Count == 0,
                    FixedEffects = fixedEffects,
                    Endogenous = Endogenous,
                    Instruments = Instruments,
                });
        return specs;
    }
}
