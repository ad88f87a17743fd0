namespace Panelwise.Methods.Multiverse;

/// <summary>One specification of a multiverse: a choice per dimension, numbered from 1 in enumeration order.</summary>
public sealed record Specification(int Number, string Outcome, string Focal, string Controls, string FixedEffects,
    string Vcov, string Sample)
{
    /// <summary>The model as a formula: <c>y ~ x + controls | fe</c> (no controls or fixed effects for <c>none</c>).</summary>
    public string Formula =>
        $"{Outcome} ~ {Focal}{(IsEmpty(Controls) ? "" : " + " + Controls)}{(IsEmpty(FixedEffects) ? "" : " | " + FixedEffects)}";

    /// <summary>The sample filter, or null for the whole sample (<c>all</c>).</summary>
    public string? Filter => IsEmpty(Sample) ? null : Sample;

    /// <summary>The choice made in <paramref name="dimension"/>.</summary>
    public string Choice(MultiverseDimension dimension) => dimension switch
    {
        MultiverseDimension.Outcome => Outcome,
        MultiverseDimension.Focal => Focal,
        MultiverseDimension.Controls => Controls,
        MultiverseDimension.FixedEffects => FixedEffects,
        MultiverseDimension.Vcov => Vcov,
        _ => Sample,
    };

    /// <summary>True for a choice that adds nothing: <c>none</c>, <c>all</c> or blank.</summary>
    public static bool IsEmpty(string choice) =>
        string.IsNullOrWhiteSpace(choice) || choice.Trim() is MultiverseSpec.None or MultiverseSpec.All;
}
