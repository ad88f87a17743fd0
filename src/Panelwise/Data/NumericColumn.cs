namespace Panelwise.Data;

/// <summary>A numeric column stored as one contiguous <c>double[]</c>; NaN marks a missing value
/// (Stata's <c>.</c>, R's <c>NA</c>).</summary>
public sealed class NumericColumn : Column
{
    public NumericColumn(string name, double[] values) : base(name) => Values = values;

    /// <summary>The values; NaN = missing. Shared, not copied: treat as read-only.</summary>
    public double[] Values { get; }

    /// <summary>Optional value labels (Stata value labels), value -> text.</summary>
    public IReadOnlyDictionary<double, string>? ValueLabels { get; init; }

    /// <summary>The Stata display format read from a .dta file (e.g. <c>%td</c>, <c>%tm</c>, <c>%tc</c>), or null.
    /// Dates are kept as Stata stores them (days, months, ... since 1960; milliseconds for %tc);
    /// <see cref="PanelTime"/> uses the format when the column is the panel time.</summary>
    public string? DisplayFormat { get; init; }

    public override int Length => Values.Length;

    public override bool IsMissing(int row) => double.IsNaN(Values[row]);

    public override Column Filter(ReadOnlySpan<bool> keep, int keptCount)
    {
        var result = new double[keptCount];
        int j = 0;
        for (int i = 0; i < keep.Length; i++)
            if (keep[i]) result[j++] = Values[i];
        return new NumericColumn(Name, result) { Label = Label, ValueLabels = ValueLabels, DisplayFormat = DisplayFormat };
    }

    public override Column Rename(string name) => new NumericColumn(name, Values) { Label = Label, ValueLabels = ValueLabels, DisplayFormat = DisplayFormat };
}
