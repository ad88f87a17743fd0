using System.Numerics;
using System.Runtime.CompilerServices;

namespace Panelwise.Design;

/// <summary>Missing values: rows where a model variable is missing leave the sample, counted per variable for the note.
/// Clean columns (the usual case) are recognised by a SIMD scan in parallel blocks, without a row loop.</summary>
internal sealed partial class DesignAssembly
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DropMissing(bool[] keep, TermValues term)
    {
        if (term.Values is not null) DropMissing(keep, term.Term.Name, term.Values);
        if (term.Codes is not null) DropMissing(keep, term.Term.Name, term.Codes);
        if (term.Slope is not null) DropMissing(keep, term.Term.Name, term.Slope);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DropMissing(bool[] keep, string label, double[] values)
    {
        if (!AnyMissing(values))
        {
            AddDrop(label, 0);
            return;
        }
        int count = 0;
        for (int i = 0; i < keep.Length; i++)
            if (keep[i] && double.IsNaN(values[i])) { keep[i] = false; count++; }
        AddDrop(label, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DropMissing(bool[] keep, string label, int[] codes)
    {
        if (codes.AsSpan().IndexOfAnyInRange(int.MinValue, -1) < 0)
        {
            AddDrop(label, 0);
            return;
        }
        int count = 0;
        for (int i = 0; i < keep.Length; i++)
            if (keep[i] && codes[i] < 0) { keep[i] = false; count++; }
        AddDrop(label, count);
    }

    private void AddDrop(string label, int count)
    {
        int at = _drops.FindIndex(d => d.Label == label);
        if (at < 0) _drops.Add((label, count));
        else _drops[at] = (label, _drops[at].Count + count);
    }

    /// <summary>True when some value is NaN (NaN is the only value not equal to itself).</summary>
    private static bool AnyMissing(double[] values)
    {
        const int block = 1 << 20;
        int blocks = (values.Length + block - 1) / block;
        int found = 0;
        Parallel.For(0, blocks, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (b, state) =>
        {
            var span = values.AsSpan(b * block, Math.Min(block, values.Length - b * block));
            int width = Vector<double>.Count, i = 0;
            bool nan = false;
            for (; i <= span.Length - width && !nan; i += width)
            {
                var v = new Vector<double>(span.Slice(i, width));
                nan = !Vector.EqualsAll(v, v);
            }
            for (; i < span.Length && !nan; i++) nan = double.IsNaN(span[i]);
            if (!nan) return;
            Volatile.Write(ref found, 1);
            state.Stop();
        });
        return found != 0;
    }
}
