using Panelwise.IO.Sql;

namespace Panelwise.Study;

/// <summary>A <c>classify</c> source: the 0/1 column <see cref="KeywordRule.Into"/> added to a DuckDB table by keyword
/// matching of its text column, with how many rows got 1, how many a keyword but also an exclusion, and how many no
/// text. On an engine table it runs on the engine (<see cref="Engine"/>).</summary>
public sealed record ClassificationReport(KeywordRule Rule, KeywordCounts Counts) : DataStepReport
{
    public override string Kind => "classify";

    /// <summary>The environment variable of the engine the classification ran on (the table never left it), or null
    /// when it ran in DuckDB.</summary>
    public string? Engine { get; init; }

    /// <summary>"is_ai = classify(registry.business_scope): 1234 of 500000 rows set to 1 (4 keywords); 56 with a
    /// keyword excluded (1 exclusion); 789 without text (0)", in the style of the variables' notes.</summary>
    public override string Describe() =>
        $"{Rule.Into} = classify({Rule.Table}.{Rule.Text}){(Engine is { } e ? $" on the engine (${e})" : "")}: {Counts.Classified} of {Counts.Rows} rows set to 1 " +
        $"({Count(Rule.Keywords.Count, "keyword", "keywords")}); {Counts.Excluded} with a keyword excluded " +
        $"({Count(Rule.Exclude.Count, "exclusion", "exclusions")}); {Counts.MissingText} without text (0)";
}
