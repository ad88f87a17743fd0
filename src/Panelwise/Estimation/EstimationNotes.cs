namespace Panelwise.Estimation;

/// <summary>The notes every linear estimator (OLS, IV) writes the same way, with their stable codes.</summary>
internal static class EstimationNotes
{
    public static Note Singletons(int dropped) =>
        new(NoteKind.Sample, "singletons", $"{dropped} singleton observation(s) dropped (alone in a fixed-effect level; reghdfe default).");

    public static Note Collinear(string term, bool byFixedEffects) => byFixedEffects
        ? new(NoteKind.Collinearity, "collinear_with_fixed_effects", $"{term} omitted: collinear with the fixed effects.", [term])
        : new(NoteKind.Collinearity, "collinear", $"{term} omitted because of collinearity.", [term]);

    public static Note Absorbed(string text) => new(NoteKind.FixedEffects, "absorbed", text);
}
