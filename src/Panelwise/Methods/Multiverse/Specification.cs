namespace Panelwise.Methods.Multiverse;

/// <summary>One specification of a multiverse: a choice per dimension, numbered from 1 in enumeration order.</summary>
public sealed record Specification(int Number, string Outcome, string Focal, string Controls, string FixedEffects,
    string Vcov, string Sample, string Instruments = MultiverseSpec.None)
{
    /// <summary>True when the focal term is instrumented (an instrument set other than <c>none</c>).</summary>
    public bool IsInstrumented => !IsEmpty(Instruments);

    /// <summary>The model as a formula: <c>y ~ x + controls | fe</c> (no controls or fixed effects for <c>none</c>),
    /// or with instruments <c>y ~ controls | fe | x ~ instruments</c> (<c>1</c> for no controls).</summary>
    public string Formula => IsInstrumented
        ? $"{Outcome} ~ {(IsEmpty(Controls) ? "1" : Controls)}{Absorbed} | {Focal} ~ {Instruments}"
        : $"{Outcome} ~ {Focal}{(IsEmpty(Controls) ? "" : " + " + Controls)}{Absorbed}";

    private string Absorbed => IsEmpty(FixedEffects) ? "" : " | " + FixedEffects;

    /// <summary>The sample filter, or null for the whole sample (<c>all</c>).</summary>
    public string? Filter => IsEmpty(Sample) ? null : Sample;

    /// <summary>The choice made in <paramref name="dimension"/>.</summary>
    public string Choice(MultiverseDimension dimension) => dimension switch
    {
        MultiverseDimension.Outcome => Outcome,
        MultiverseDimension.Focal => Focal,
        MultiverseDimension.Instruments => Instruments,
        MultiverseDimension.Controls => Controls,
        MultiverseDimension.FixedEffects => FixedEffects,
        MultiverseDimension.Vcov => Vcov,
        _ => Sample,
    };

    /// <summary>The terms of a choice written as a sum (<c>c1 + log(c2)</c>), split at the <c>+</c> signs outside
    /// parentheses and quotes, trimmed.</summary>
    public static IReadOnlyList<string> TermsOf(string choice)
    {
        var terms = new List<string>();
        int depth = 0, start = 0;
        char quote = '\0';
        for (int i = 0; i < choice.Length; i++)
        {
            char c = choice[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '+' && depth == 0) { terms.Add(choice[start..i].Trim()); start = i + 1; }
        }
        terms.Add(choice[start..].Trim());
        return terms;
    }

    /// <summary>True for a choice that adds nothing: <c>none</c>, <c>all</c> or blank.</summary>
    public static bool IsEmpty(string choice) =>
        string.IsNullOrWhiteSpace(choice) || choice.Trim() is MultiverseSpec.None or MultiverseSpec.All;
}
