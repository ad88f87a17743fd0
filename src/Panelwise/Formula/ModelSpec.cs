namespace Panelwise.Formula;

/// <summary>One model to estimate: a single variant of a formula after csw/sw expansion.</summary>
public sealed record ModelSpec
{
    /// <summary>A readable formula for this variant, e.g. <c>y ~ x1 + x2 | id^year</c>.</summary>
    public string Text => Render();

    /// <summary>The dependent variable.</summary>
    public required Term Response { get; init; }

    /// <summary>Right-hand-side terms in formula order (i() not yet expanded into dummies).</summary>
    public required IReadOnlyList<Term> Regressors { get; init; }

    /// <summary>True when the model has a constant column: it was not dropped with <c>0 +</c> / <c>- 1</c>
    /// and there are no fixed effects (which absorb the constant, as in fixest).</summary>
    public required bool Intercept { get; init; }

    /// <summary>Fixed effects to absorb, in formula order.</summary>
    public IReadOnlyList<FixedEffectTerm> FixedEffects { get; init; } = [];

    /// <summary>Endogenous regressors of the IV part (empty without one).</summary>
    public IReadOnlyList<Term> Endogenous { get; init; } = [];

    /// <summary>Excluded instruments of the IV part (empty without one).</summary>
    public IReadOnlyList<Term> Instruments { get; init; } = [];

    /// <summary>Every data column the model reads (response, regressors, fixed effects, IV part), so a
    /// reader can load only those columns. Cluster, weight and filter columns are not included.</summary>
    public IReadOnlySet<string> Variables()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in Terms()) set.UnionWith(term.Columns());
        foreach (var fe in FixedEffects) set.UnionWith(fe.Variables);
        return set;
    }

    /// <summary>True when some term uses l(), f() or d() and so the data need a panel index.</summary>
    public bool UsesPanel() => Terms().Any(t => t.UsesPanel());

    /// <summary>Response, regressors, endogenous and instruments, in that order.</summary>
    public IEnumerable<Term> Terms() => [Response, .. Regressors, .. Endogenous, .. Instruments];

    /// <summary>The readable formula, same as <see cref="Text"/>.</summary>
    public override string ToString() => Text;

    private string Render()
    {
        var parts = new List<string>();
        if (!Intercept && FixedEffects.Count == 0 && Regressors.Count > 0) parts.Add("0");
        parts.AddRange(Regressors.Select(r => r.Name));
        if (parts.Count == 0) parts.Add(Intercept || FixedEffects.Count > 0 ? "1" : "0");
        string text = $"{Response.Name} ~ {string.Join(" + ", parts)}";
        if (FixedEffects.Count > 0) text += " | " + string.Join(" + ", FixedEffects.Select(f => f.Name));
        if (Endogenous.Count > 0)
            text += $" | {string.Join(" + ", Endogenous.Select(e => e.Name))} ~ {string.Join(" + ", Instruments.Select(e => e.Name))}";
        return text;
    }
}
