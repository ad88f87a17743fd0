namespace Panelwise.Data;

/// <summary>A named column of a <see cref="Frame"/>: numeric (<see cref="NumericColumn"/>) or categorical
/// (<see cref="CategoricalColumn"/>). Variable labels (Stata) travel as metadata.</summary>
public abstract class Column
{
    protected Column(string name) => Name = name;

    /// <summary>The column name as the user writes it in formulas.</summary>
    public string Name { get; }

    /// <summary>Optional descriptive label (Stata variable label, display name).</summary>
    public string? Label { get; init; }

    /// <summary>Number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>True when row <paramref name="row"/> holds no value.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>A copy of this column restricted to the rows where <paramref name="keep"/> is true.</summary>
    public abstract Column Filter(ReadOnlySpan<bool> keep, int keptCount);

    /// <summary>The same data under another name.</summary>
    public abstract Column Rename(string name);
}
