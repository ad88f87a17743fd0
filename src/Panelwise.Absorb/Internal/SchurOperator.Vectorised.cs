using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Panelwise.Absorb.Internal;

/// <summary>The hot path of the conjugate-gradient solver: S p with rows grouped by the eliminated effect, four
/// columns per 256-bit vector, no bounds checks and no allocation. Everything else goes through the scalar passes.</summary>
internal sealed partial class SchurOperator
{
    private void ApplyVectorised(double[] p, double[] q, Workspace ws)
    {
        int t = Threads;
        var options = new ParallelOptions { MaxDegreeOfParallelism = t };
        Parallel.For(0, t, options, c => MeansVectorised(c, p, ws));
        Parallel.For(0, t, options, c => ScatterVectorised(c, p, ws));
        Reduce(ws, q);
    }

    /// <summary>B-level means of D p, run by run (the rows of one B level are contiguous).</summary>
    private void MeansVectorised(int chunk, double[] p, Workspace ws)
    {
        int blocks = ws.K / 4, g = _codes.Length, end = _chunks[chunk + 1];
        Span<Vector256<double>> acc = stackalloc Vector256<double>[blocks];
        ref double pr = ref MemoryMarshal.GetArrayDataReference(p);
        ref double mr = ref MemoryMarshal.GetArrayDataReference(ws.BigMeans);
        int i = _chunks[chunk];
        while (i < end)
        {
            int level = _big[i];
            acc.Clear();
            do
            {
                var wi = Vector256.Create(_w is null ? 1.0 : _w[i]);
                for (int e = 0; e < g; e++)
                {
                    nuint at = (nuint)((_offsets[e] + _codes[e][i]) * ws.K);
                    for (int j = 0; j < blocks; j++) acc[j] += wi * Vector256.LoadUnsafe(ref pr, at + (nuint)(4 * j));
                }
                i++;
            } while (i < end && _big[i] == level);
            var inv = Vector256.Create(_inverseBigWeights[level]);
            nuint b = (nuint)(level * ws.K);
            for (int j = 0; j < blocks; j++) (acc[j] * inv).StoreUnsafe(ref mr, b + (nuint)(4 * j));
        }
    }

    /// <summary>Accumulates D'W (D p - B means) into this thread's copy of the result.</summary>
    private void ScatterVectorised(int chunk, double[] p, Workspace ws)
    {
        int blocks = ws.K / 4, g = _codes.Length, end = _chunks[chunk + 1], k = ws.K;
        var o = ws.Out[chunk];
        Array.Clear(o);
        ref double pr = ref MemoryMarshal.GetArrayDataReference(p);
        ref double mr = ref MemoryMarshal.GetArrayDataReference(ws.BigMeans);
        ref double or = ref MemoryMarshal.GetArrayDataReference(o);
        Span<nuint> at = stackalloc nuint[g];
        for (int i = _chunks[chunk]; i < end; i++)
        {
            for (int e = 0; e < g; e++) at[e] = (nuint)((_offsets[e] + _codes[e][i]) * k);
            nuint b = (nuint)(_big[i] * k);
            double wi = _w is null ? 1.0 : _w[i];
            for (int j = 0; j < blocks; j++)
            {
                nuint off = (nuint)(4 * j);
                var v = -Vector256.LoadUnsafe(ref mr, b + off);
                for (int e = 0; e < g; e++) v += Vector256.LoadUnsafe(ref pr, at[e] + off);
                v *= wi;
                for (int e = 0; e < g; e++)
                {
                    ref double slot = ref Unsafe.Add(ref or, at[e] + off);
                    (Vector256.LoadUnsafe(ref slot) + v).StoreUnsafe(ref slot);
                }
            }
        }
    }
}
