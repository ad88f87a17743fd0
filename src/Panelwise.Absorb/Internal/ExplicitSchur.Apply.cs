using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Panelwise.Absorb.Internal;

/// <summary>q = T p = S_FF p - S_FS S_SS⁻ S_SF p, the product in every conjugate-gradient iteration: F levels split
/// over the threads, four interleaved columns per 256-bit vector (the stride K is a multiple of 4), no allocation.</summary>
internal sealed partial class ExplicitSchur
{
    /// <summary>Per-thread partial sums of S_SF p and the solved small-block values, for one stride K, and where each
    /// thread's F levels start for the sparse product.</summary>
    public sealed class Scratch(int threads, int small, int k, int[] sparseStarts)
    {
        public readonly int Threads = threads;
        public readonly int[] SparseStarts = sparseStarts;
        public readonly double[][] Partial = Enumerable.Range(0, threads).Select(_ => new double[small * k]).ToArray();
        public readonly double[] Solved = new double[small * k];
        public readonly double[] Column = new double[3 * Math.Max(1, small)];
    }

    public Scratch CreateScratch(int threads, int k)
    {
        int t = Math.Max(1, Math.Min(threads, _levels / 1024 + 1));
        return new Scratch(t, _small, k, BalancedStarts(t));
    }

    /// <summary>Splits the F levels so that each part holds about the same work of <see cref="SparseAndCross"/>: a
    /// level costs its stored entries plus its row of S_FS. Levels are numbered by first appearance, so the firms met
    /// first (the large ones, with the most movers) crowd the low numbers: an even split by levels gave the first of
    /// two threads three quarters of the entries on the hard bench panel.</summary>
    private int[] BalancedStarts(int parts)
    {
        long Cost(int f) => _rowStart[f] + (long)f * (_small + 1);
        long total = Cost(_levels);
        var starts = new int[parts + 1];
        starts[parts] = _levels;
        int f = 0;
        for (int part = 1; part < parts; part++)
        {
            long target = total * part / parts;
            while (f < _levels && Cost(f) < target) f++;
            starts[part] = f;
        }
        return starts;
    }

    public void Apply(double[] p, double[] q, int k, int columns, Scratch scratch)
    {
        int t = scratch.Threads;
        Parallel.For(0, t, new ParallelOptions { MaxDegreeOfParallelism = t }, part => SparseAndCross(part, p, q, k, scratch));
        if (_small == 0) return;
        var solved = scratch.Solved;
        var sum = scratch.Partial[0];
        for (int j = 1; j < t; j++)
        {
            var other = scratch.Partial[j];
            for (int l = 0; l < sum.Length; l++) sum[l] += other[l];
        }
        var b = scratch.Column.AsSpan(0, _small);
        var u = scratch.Column.AsSpan(_small, _small);
        var tmp = scratch.Column.AsSpan(2 * _small, _small);
        for (int c = 0; c < columns; c++)
        {
            for (int s = 0; s < _small; s++) b[s] = sum[s * k + c];
            _smallBlock.Solve(b, u, tmp);
            for (int s = 0; s < _small; s++) solved[s * k + c] = u[s];
        }
        Parallel.For(0, t, new ParallelOptions { MaxDegreeOfParallelism = t }, part => SubtractCross(part, t, q, k, solved));
    }

    /// <summary>q_f = S_FF p for this thread's F levels, and its share of S_SF p.</summary>
    private void SparseAndCross(int part, double[] p, double[] q, int k, Scratch scratch)
    {
        int from = scratch.SparseStarts[part], to = scratch.SparseStarts[part + 1];
        var partial = scratch.Partial[part];
        Array.Clear(partial);
        ref double pr = ref MemoryMarshal.GetArrayDataReference(p);
        ref double qr = ref MemoryMarshal.GetArrayDataReference(q);
        ref double tr = ref MemoryMarshal.GetArrayDataReference(partial);
        for (int f = from; f < to; f++)
            for (int j = 0; j < k; j += 4)
            {
                nuint at = (nuint)(f * k + j);
                var pf = Vector256.LoadUnsafe(ref pr, at);
                var acc = pf * _diagonal[f];
                for (int e = _rowStart[f]; e < _rowStart[f + 1]; e++)
                    acc += Vector256.LoadUnsafe(ref pr, (nuint)(_column[e] * k + j)) * _value[e];
                acc.StoreUnsafe(ref qr, at);
                int row = f * _small;
                for (int s = 0; s < _small; s++)
                {
                    ref double slot = ref Unsafe.Add(ref tr, s * k + j);
                    (Vector256.LoadUnsafe(ref slot) + pf * _cross[row + s]).StoreUnsafe(ref slot);
                }
            }
    }

    /// <summary>q_f -= S_FS (S_SS⁻ S_SF p) for this thread's F levels (an even split: every level costs the same here).</summary>
    private void SubtractCross(int part, int parts, double[] q, int k, double[] solved)
    {
        int from = (int)((long)_levels * part / parts), to = (int)((long)_levels * (part + 1) / parts);
        ref double qr = ref MemoryMarshal.GetArrayDataReference(q);
        ref double ur = ref MemoryMarshal.GetArrayDataReference(solved);
        for (int f = from; f < to; f++)
            for (int j = 0; j < k; j += 4)
            {
                var acc = Vector256<double>.Zero;
                int row = f * _small;
                for (int s = 0; s < _small; s++) acc += Vector256.LoadUnsafe(ref ur, (nuint)(s * k + j)) * _cross[row + s];
                nuint at = (nuint)(f * k + j);
                (Vector256.LoadUnsafe(ref qr, at) - acc).StoreUnsafe(ref qr, at);
            }
    }
}
