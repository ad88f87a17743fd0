namespace Panelwise.Methods.Multiverse;

/// <summary>A dimension of a multiverse, in the order specifications are enumerated (outcome outermost).</summary>
public enum MultiverseDimension
{
    /// <summary>The outcome y.</summary>
    Outcome,
    /// <summary>The focal term x.</summary>
    Focal,
    /// <summary>The instruments of the focal term (<c>none</c>: x is exogenous, the model OLS).</summary>
    Instruments,
    /// <summary>The control set.</summary>
    Controls,
    /// <summary>The absorbed fixed effects.</summary>
    FixedEffects,
    /// <summary>The covariance estimator.</summary>
    Vcov,
    /// <summary>The sample filter.</summary>
    Sample,
}

/// <summary>Names of the dimensions as clauses and outputs write them (y, x, iv, controls, fe, vcov, sample).</summary>
public static class MultiverseDimensions
{
    /// <summary>Every dimension in enumeration order.</summary>
    public static IReadOnlyList<MultiverseDimension> All { get; } = Enum.GetValues<MultiverseDimension>();

    /// <summary>The dimensions <paramref name="spec"/> uses, in enumeration order: all but the instruments when it
    /// offers only <c>none</c>, so an OLS multiverse's outputs have no instrument field.</summary>
    public static IReadOnlyList<MultiverseDimension> Used(this MultiverseSpec spec) =>
        [.. All.Where(d => d != MultiverseDimension.Instruments || spec.Instruments.Any(c => !Specification.IsEmpty(c)))];

    /// <summary>The short name: y, x, iv, controls, fe, vcov, sample.</summary>
    public static string Key(this MultiverseDimension d) => d switch
    {
        MultiverseDimension.Outcome => "y",
        MultiverseDimension.Focal => "x",
        MultiverseDimension.Instruments => "iv",
        MultiverseDimension.Controls => "controls",
        MultiverseDimension.FixedEffects => "fe",
        MultiverseDimension.Vcov => "vcov",
        _ => "sample",
    };

    /// <summary>The dimension of a short name (sample may also be written if, iv instruments); null when none.</summary>
    public static MultiverseDimension? Parse(string key) => key.Trim().ToLowerInvariant() switch
    {
        "y" => MultiverseDimension.Outcome,
        "x" => MultiverseDimension.Focal,
        "iv" or "instruments" => MultiverseDimension.Instruments,
        "controls" => MultiverseDimension.Controls,
        "fe" => MultiverseDimension.FixedEffects,
        "vcov" => MultiverseDimension.Vcov,
        "sample" or "if" => MultiverseDimension.Sample,
        _ => null,
    };

    /// <summary>The choices of a dimension in <paramref name="spec"/>.</summary>
    public static IReadOnlyList<string> Choices(this MultiverseSpec spec, MultiverseDimension d) => d switch
    {
        MultiverseDimension.Outcome => spec.Outcomes,
        MultiverseDimension.Focal => spec.FocalTerms,
        MultiverseDimension.Instruments => spec.Instruments,
        MultiverseDimension.Controls => spec.ControlSets,
        MultiverseDimension.FixedEffects => spec.FixedEffectSets,
        MultiverseDimension.Vcov => spec.Vcovs,
        _ => spec.Samples,
    };
}
