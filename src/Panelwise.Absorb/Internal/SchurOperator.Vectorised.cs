using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Panelwise.Absorb.Internal;

/// <summary>The hot path of the conjugate-gradient solver: S p with rows grouped by the eliminated effect, four
/// columns per 256-bit vector, no bounds checks and no allocation. Each block of four columns takes its own pass so
/// that its accumulator lives in a register: a sum kept in memory would wait on its own store on every row.
/// Everything else goes through the scalar passes.</summary>
internal sealed partial class SchurOperator
{
    private void ApplyVectorised(double[] p, double[] q, Workspace ws)
    {
        int t = Threads;
        var options = new ParallelOptions { MaxDegreeOfParallelism = t };
        Parallel.For(0, t, options, c =>
        {
            for (int j = 0; j < ws.K; j += 4) MeansVectorised(c, j, p, ws);
        });
        Parallel.For(0, t, options, c =>
        {
            Array.Clear(ws.Out[c]);
            for (int j = 0; j < ws.K; j += 4) ScatterVectorised(c, j, p, ws);
        });
        Reduce(ws, q);
    }

    /// <summary>B-level means of D p for columns j..j+3, run by run (the rows of one B level are contiguous).</summary>
    private void MeansVectorised(int chunk, int j, double[] p, Workspace ws)
    {
        int g = _codes.Length, end = _chunks[chunk + 1], k = ws.K;
        int[] big = _big, first = _codes[0], second = g > 1 ? _codes[1] : _codes[0];
        int secondOffset = g > 1 ? _offsets[1] : 0;
        double[]? w = _w;
        ref double pr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(p), j);
        ref double mr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.BigMeans), j);
        int i = _chunks[chunk];
        while (i < end)
        {
            int level = big[i];
            var acc = Vector256<double>.Zero;
            do
            {
                var v = Vector256.LoadUnsafe(ref pr, (nuint)(first[i] * k));
                if (g == 2) v += Vector256.LoadUnsafe(ref pr, (nuint)((secondOffset + second[i]) * k));
                else for (int e = 1; e < g; e++) v += Vector256.LoadUnsafe(ref pr, (nuint)((_offsets[e] + _codes[e][i]) * k));
                acc += w is null ? v : v * w[i];
                i++;
            } while (i < end && big[i] == level);
            (acc * _inverseBigWeights[level]).StoreUnsafe(ref mr, (nuint)(level * k));
        }
    }

    /// <summary>Accumulates D'W (D p - B means) for columns j..j+3 into this thread's copy of the result.</summary>
    private void ScatterVectorised(int chunk, int j, double[] p, Workspace ws)
    {
        int g = _codes.Length, end = _chunks[chunk + 1], k = ws.K;
        int[] big = _big, first = _codes[0], second = g > 1 ? _codes[1] : _codes[0];
        int secondOffset = g > 1 ? _offsets[1] : 0;
        double[]? w = _w;
        ref double pr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(p), j);
        ref double mr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.BigMeans), j);
        ref double or = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ws.Out[chunk]), j);
        for (int i = _chunks[chunk]; i < end; i++)
        {
            nuint a = (nuint)(first[i] * k);
            nuint b = (nuint)((secondOffset + second[i]) * k);
            var v = Vector256.LoadUnsafe(ref pr, a) - Vector256.LoadUnsafe(ref mr, (nuint)(big[i] * k));
            if (g == 2) v += Vector256.LoadUnsafe(ref pr, b);
            else for (int e = 1; e < g; e++) v += Vector256.LoadUnsafe(ref pr, (nuint)((_offsets[e] + _codes[e][i]) * k));
            if (w is not null) v *= w[i];
            ref double sa = ref Unsafe.Add(ref or, a);
            (Vector256.LoadUnsafe(ref sa) + v).StoreUnsafe(ref sa);
            if (g == 2)
            {
                ref double sb = ref Unsafe.Add(ref or, b);
                (Vector256.LoadUnsafe(ref sb) + v).StoreUnsafe(ref sb);
            }
            else
                for (int e = 1; e < g; e++)
                {
                    ref double s = ref Unsafe.Add(ref or, (nuint)((_offsets[e] + _codes[e][i]) * k));
                    (Vector256.LoadUnsafe(ref s) + v).StoreUnsafe(ref s);
                }
        }
    }
}
