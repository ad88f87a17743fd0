using Panelwise.Data;

namespace Panelwise.Methods.Resampling;

/// <summary>Builds bootstrap samples of a frame: rows drawn with replacement, or whole clusters drawn with
/// replacement (the pairs cluster bootstrap, Cameron, Gelbach and Miller 2008), seeded with System.Random,
/// whose seeded sequence is fixed across .NET versions.</summary>
public sealed class FrameResampler
{
    private readonly Frame _frame;
    private readonly int[][] _members;
    private readonly Random _random;

    /// <param name="frame">The estimation sample (only its rows are drawn).</param>
    /// <param name="cluster">Column whose levels are drawn whole; null draws single rows.</param>
    /// <param name="seed">Seed of the draws.</param>
    public FrameResampler(Frame frame, string? cluster, int seed)
    {
        _frame = frame;
        _random = new Random(seed);
        if (cluster is null)
        {
            _members = Enumerable.Range(0, frame.RowCount).Select(i => new[] { i }).ToArray();
            return;
        }
        var (codes, levels) = Factorizer.Factorize(frame[cluster]);
        var lists = Enumerable.Range(0, levels).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < codes.Length; i++)
            if (codes[i] >= 0) lists[codes[i]].Add(i);
        _members = lists.Where(l => l.Count > 0).Select(l => l.ToArray()).ToArray();
    }

    /// <summary>Number of units drawn per sample (rows, or clusters).</summary>
    public int Units => _members.Length;

    /// <summary>The next bootstrap sample. With clusters, <paramref name="copyColumn"/> (when given) numbers each
    /// drawn copy, so that a cluster drawn twice can be told apart (Stata's <c>idcluster()</c>).</summary>
    public Frame Next(string? copyColumn = null)
    {
        var rows = new List<int>(_frame.RowCount);
        var copy = new List<double>(_frame.RowCount);
        for (int d = 0; d < _members.Length; d++)
        {
            foreach (int row in _members[_random.Next(_members.Length)]) { rows.Add(row); copy.Add(d); }
        }
        var frame = Gather(_frame, rows);
        return copyColumn is null ? frame : frame.With(new NumericColumn(copyColumn, copy.ToArray()));
    }

    /// <summary>A frame of the given rows, in that order; rows may repeat.</summary>
    public static Frame Gather(Frame frame, IReadOnlyList<int> rows)
    {
        var columns = new List<Column>(frame.Columns.Count);
        foreach (var column in frame.Columns)
            columns.Add(column switch
            {
                NumericColumn n => new NumericColumn(n.Name, rows.Select(r => n.Values[r]).ToArray()) { ValueLabels = n.ValueLabels },
                CategoricalColumn c => new CategoricalColumn(c.Name, rows.Select(r => c.Codes[r]).ToArray(), c.Levels),
                _ => throw new ArgumentException($"Column '{column.Name}' has an unsupported type."),
            });
        return new Frame(columns, frame.Source);
    }
}
