namespace Panelwise.Study.Definition;

/// <summary>A study file as written, checked for shape (known keys, lists and mappings where expected) but not yet
/// against the data; <see cref="StudyPlanner"/> does that.</summary>
public sealed record StudyDefinition
{
    /// <summary>The study file's path, for messages and to resolve relative paths.</summary>
    public required string Source { get; init; }
    public string Title { get; init; } = "";
    /// <summary>The data sources in order: the first is read as is, each later one left-joined on its keys.</summary>
    public IReadOnlyList<DataDefinition> Data { get; init; } = [];
    public (Located<string> Id, Located<string> Time)? Panel { get; init; }
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];
    public IReadOnlyList<IndexDefinition> Indices { get; init; } = [];
    public IReadOnlyList<(Located<string> Name, string Label)> Labels { get; init; } = [];
    /// <summary>Whether tables carry the reproducibility stamp unless a table says otherwise; null = yes.</summary>
    public bool? Stamp { get; init; }
    public IReadOnlyList<TableDefinition> Tables { get; init; } = [];
    public PlotsDefinition? Plots { get; init; }

    /// <summary><c>language</c>, <c>text</c>, <c>rename</c>, <c>digits</c>.</summary>
    public PresentationDefinition Presentation { get; init; } = new();

    /// <summary>The root <c>synthetic: [a, b]</c> list: data columns whose values are generated, not observed
    /// (besides every column of a <c>synthetic: true</c> source); null when the key is absent.</summary>
    public IReadOnlyList<Located<string>>? Synthetic { get; init; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public string Directory => Path.GetDirectoryName(Path.GetFullPath(Source)) ?? ".";
}
