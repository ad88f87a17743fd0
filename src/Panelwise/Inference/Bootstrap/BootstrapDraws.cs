namespace Panelwise.Inference.Bootstrap;

/// <summary>The B × G matrix of auxiliary weights, row-major, shared by every coefficient's test.</summary>
internal sealed class BootstrapDraws
{
    private static readonly double[] WebbPoints = [-Math.Sqrt(1.5), -1, -Math.Sqrt(0.5), Math.Sqrt(0.5), 1, Math.Sqrt(1.5)];

    private BootstrapDraws(double[] values, int reps, int clusters, bool enumerated)
    {
        Values = values;
        Reps = reps;
        Clusters = clusters;
        Enumerated = enumerated;
    }

    public double[] Values { get; }
    public int Reps { get; }
    public int Clusters { get; }
    public bool Enumerated { get; }

    /// <summary>All 2^G Rademacher sign vectors when B ≥ 2^G (as boottest), else B seeded draws (System.Random, whose
    /// seeded sequence is fixed across .NET versions).</summary>
    public static BootstrapDraws Create(WildBootstrapSpec spec, int clusters)
    {
        if (spec.Weights == BootstrapWeights.Rademacher && clusters < 31 && (1L << clusters) <= spec.Reps)
        {
            int reps = 1 << clusters;
            var all = new double[(long)reps * clusters];
            for (int b = 0; b < reps; b++)
                for (int g = 0; g < clusters; g++) all[(long)b * clusters + g] = ((b >> g) & 1) == 0 ? 1 : -1;
            return new BootstrapDraws(all, reps, clusters, enumerated: true);
        }
        var random = new Random(spec.Seed);
        var values = new double[(long)spec.Reps * clusters];
        for (long i = 0; i < values.Length; i++)
            values[i] = spec.Weights == BootstrapWeights.Webb ? WebbPoints[random.Next(6)] : random.Next(2) == 0 ? -1 : 1;
        return new BootstrapDraws(values, spec.Reps, clusters, enumerated: false);
    }
}
