using Panelwise.Tests.Support;

namespace Panelwise.Tests.Fuzz;

/// <summary>The five generators by name; <see cref="Create"/> replays any input from its generator and seed.</summary>
internal static class FuzzGenerators
{
    public static readonly string[] Names = ["formula", "filter", "csv", "study", "options"];

    private static readonly Lazy<(string Csv, string Study)> Grunfeld = new(() =>
    {
        string examples = RepositoryPath.Of("examples");
        return (File.ReadAllText(Path.Combine(examples, "grunfeld", "grunfeld.csv")), File.ReadAllText(Path.Combine(examples, "grunfeld-study", "study.yaml")));
    });

    public static FuzzInput Create(string generator, int seed) => generator switch
    {
        "formula" => FormulaGenerator.Create(seed),
        "filter" => FilterGenerator.Create(seed),
        "csv" => CsvGenerator.Create(seed),
        "study" => StudyGenerator.Create(seed, Grunfeld.Value.Csv, Grunfeld.Value.Study),
        "options" => OptionGenerator.Create(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(generator), generator, "unknown generator"),
    };
}
