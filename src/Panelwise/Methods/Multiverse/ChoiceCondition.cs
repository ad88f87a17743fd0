using System.Text.RegularExpressions;

namespace Panelwise.Methods.Multiverse;

/// <summary>A conjunction of <c>dimension = choice</c> clauses, e.g. <c>x = l(x, 1) &amp; fe = none</c>, as exclusions
/// and the baseline are written. Clauses split at an <c>&amp;</c> followed by a dimension name and a single <c>=</c>, so a
/// sample filter may itself contain <c>&amp;</c> and <c>==</c>. Choices compare with white space ignored.</summary>
public sealed partial class ChoiceCondition
{
    [GeneratedRegex(@"&(?=\s*(?:y|x|iv|instruments|controls|fe|vcov|sample|if)\s*=(?!=))", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"^\s*([A-Za-z]+)\s*=(?!=)\s*(.*?)\s*$", RegexOptions.Singleline)]
    private static partial Regex Clause();

    private readonly Dictionary<MultiverseDimension, string> _choices;

    private ChoiceCondition(Dictionary<MultiverseDimension, string> choices, string text) => (_choices, Text) = (choices, text);

    /// <summary>The condition as written.</summary>
    public string Text { get; }

    /// <summary>The choice a dimension is fixed to, or null when the condition leaves it free.</summary>
    public string? ChoiceOf(MultiverseDimension dimension) => _choices.GetValueOrDefault(dimension);

    /// <summary>True when <paramref name="spec"/> makes every choice the condition names.</summary>
    public bool Matches(Specification spec) => _choices.All(c => Normalise(spec.Choice(c.Key)) == Normalise(c.Value));

    /// <summary>Parses <paramref name="text"/> against the choices of <paramref name="multiverse"/>; a clause naming no
    /// dimension or a choice the dimension does not offer is an error that names <paramref name="setting"/>.</summary>
    public static ChoiceCondition Parse(string text, MultiverseSpec multiverse, Setting setting)
    {
        var choices = new Dictionary<MultiverseDimension, string>();
        foreach (string part in ClauseBoundary().Split(text))
        {
            var match = Clause().Match(part);
            var dimension = match.Success ? MultiverseDimensions.Parse(match.Groups[1].Value) : null;
            if (dimension is not { } d)
                throw new UserInputException($"{setting.Ref()}: '{part.Trim()}' is not a clause 'dimension = choice' "
                    + "(dimensions: y, x, iv, controls, fe, vcov, sample), e.g. 'x = l(x, 1) & fe = none'.") { Term = part.Trim() };
            string value = match.Groups[2].Value;
            var offered = multiverse.Choices(d);
            string? chosen = offered.FirstOrDefault(o => Normalise(o) == Normalise(value));
            if (chosen is null)
                throw new UserInputException($"{setting.Ref()}: '{value}' is not a choice of {d.Key()}; its choices are "
                    + string.Join("; ", offered) + ".") { Term = value };
            if (!choices.TryAdd(d, chosen))
                throw new UserInputException($"{setting.Ref()}: '{text.Trim()}' names {d.Key()} twice; a condition fixes each dimension once.")
                    { Term = d.Key() };
        }
        return new ChoiceCondition(choices, text);
    }

    /// <summary>The clauses of <paramref name="text"/> as written, split as <see cref="Parse"/> splits them: each a
    /// dimension's short name and its choice, or (null, the part) when a part is no <c>dimension = choice</c> clause.
    /// Lets a front end rewrite choices (e.g. a label for a variable) before parsing.</summary>
    public static IReadOnlyList<(string? Key, string Choice)> Clauses(string text) =>
        [.. ClauseBoundary().Split(text).Select(part => Clause().Match(part) is { Success: true } m
            ? ((string?)m.Groups[1].Value, m.Groups[2].Value) : (null, part))];

    /// <summary>A choice without white space, so <c>c1+c2</c> and <c>c1 + c2</c> are the same choice.</summary>
    public static string Normalise(string choice)
    {
        string compact = string.Concat(choice.Where(c => !char.IsWhiteSpace(c)));
        return compact is "" or MultiverseSpec.All ? MultiverseSpec.None : compact;
    }
}
