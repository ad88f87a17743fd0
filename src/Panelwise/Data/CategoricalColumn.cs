namespace Panelwise.Data;

/// <summary>A string/categorical column factorised to integer codes into <see cref="Levels"/>;
/// code -1 marks a missing value. Levels are kept in order of first appearance unless sorted by the reader.</summary>
public sealed class CategoricalColumn : Column
{
    public CategoricalColumn(string name, int[] codes, string[] levels) : base(name)
    {
        Codes = codes;
        Levels = levels;
    }

    /// <summary>Integer code per row into <see cref="Levels"/>; -1 = missing.</summary>
    public int[] Codes { get; }

    /// <summary>The distinct non-missing values.</summary>
    public string[] Levels { get; }

    public override int Length => Codes.Length;

    public override bool IsMissing(int row) => Codes[row] < 0;

    /// <summary>The text of row <paramref name="row"/>, or null when missing.</summary>
    public string? ValueAt(int row) => Codes[row] < 0 ? null : Levels[Codes[row]];

    /// <summary>Builds a categorical column from raw strings (null or empty = missing).</summary>
    public static CategoricalColumn FromStrings(string name, IReadOnlyList<string?> values)
    {
        var codes = new int[values.Count];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = new List<string>();
        for (int i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (string.IsNullOrEmpty(v)) { codes[i] = -1; continue; }
            if (!map.TryGetValue(v, out int code))
            {
                code = levels.Count;
                map.Add(v, code);
                levels.Add(v);
            }
            codes[i] = code;
        }
        return new CategoricalColumn(name, codes, levels.ToArray());
    }

    public override Column Filter(ReadOnlySpan<bool> keep, int keptCount)
    {
        var result = new int[keptCount];
        int j = 0;
        for (int i = 0; i < keep.Length; i++)
            if (keep[i]) result[j++] = Codes[i];
        return new CategoricalColumn(Name, result, Levels) { Label = Label };
    }

    public override Column Rename(string name) => new CategoricalColumn(name, Codes, Levels) { Label = Label };
}
