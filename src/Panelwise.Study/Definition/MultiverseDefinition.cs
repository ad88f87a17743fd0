namespace Panelwise.Study.Definition;

/// <summary>A <c>multiverse:</c> block as written: one list of choices per dimension (outcomes y, focal terms x,
/// control sets, fixed-effect sets, covariances, samples), each with the line of its key (null when the key is
/// absent: the dimension takes its default), the exclusions each with its line, the baseline, and the joint test's
/// draws and seed. A dimension may be a YAML list or one string of ';'-separated choices, as on the CLI.</summary>
public sealed record MultiverseDefinition
{
    public Located<IReadOnlyList<Located<string>>>? Outcomes { get; init; }
    public Located<IReadOnlyList<Located<string>>>? FocalTerms { get; init; }

    /// <summary>Instrument sets of the focal term (none = OLS), fitted by 2SLS.</summary>
    public Located<IReadOnlyList<Located<string>>>? Instruments { get; init; }
    public Located<IReadOnlyList<Located<string>>>? Controls { get; init; }
    public Located<IReadOnlyList<Located<string>>>? FixedEffects { get; init; }
    public Located<IReadOnlyList<Located<string>>>? Vcovs { get; init; }
    public Located<IReadOnlyList<Located<string>>>? Samples { get; init; }
    public IReadOnlyList<Located<string>> Exclude { get; init; } = [];
    public Located<string>? Baseline { get; init; }

    /// <summary>Bootstrap draws of the joint test (0 = none).</summary>
    public int Joint { get; init; }

    /// <summary>Seed of the joint test's draws; null = the library's default.</summary>
    public int? Seed { get; init; }
    public long Line { get; init; }
}
