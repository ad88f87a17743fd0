namespace Panelwise.Methods.Matching;

/// <summary>Propensity-score matching: the score model, the matches, the ATT and the balance table.</summary>
public sealed record MatchingResult
{
    public MatchingMethod Method { get; init; }

    public required PropensityFit Propensity { get; init; }

    /// <summary>Frame row of each sample observation (aligned with the propensity scores).</summary>
    public required int[] SampleRows { get; init; }

    /// <summary>Treatment of each sample observation (aligned with <see cref="SampleRows"/>).</summary>
    public required bool[] SampleTreated { get; init; }

    /// <summary>The matched pairs in frame rows: always for nearest neighbours; for radius and kernel only with
    /// <see cref="MatchingSpec.KeepPairs"/> (null otherwise: the list can reach T·C entries).</summary>
    public IReadOnlyList<MatchedPair>? Pairs { get; init; }

    /// <summary>psmatch2's _weight per sample observation (aligned with <see cref="SampleRows"/>): 1 for matched treated,
    /// K_c = Σ_t w_tc for controls, 0 for unmatched treated and unused controls.</summary>
    public required double[] SampleWeights { get; init; }

    /// <summary>ATT = mean over matched treated of y_t - Σ_c w_tc y_c; NaN without an outcome.</summary>
    public required double Att { get; init; }

    /// <summary>Standard error of the ATT (see <see cref="AttStdErrorMethod"/>); NaN when not computed.</summary>
    public double AttStdError { get; init; } = double.NaN;

    /// <summary>"bootstrap" or "abadie-imbens"; null when no standard error was computed.</summary>
    public string? AttStdErrorMethod { get; init; }

    /// <summary>Bootstrap replications asked for (0 = no standard error) and those that failed and were skipped.</summary>
    public int BootstrapReps { get; init; }

    public int BootstrapFailed { get; init; }

    /// <summary>t statistic of the ATT, ATT / S.E.; NaN when no standard error was computed.</summary>
    public double AttStatistic => Att / AttStdError;

    /// <summary>The outcome compared as a covariate (psmatch2's "Unmatched" and "ATT" rows: means, difference, t);
    /// null without an outcome or a matched treated unit.</summary>
    public BalanceRow? Outcome { get; init; }

    public required int Treated { get; init; }
    public required int TreatedMatched { get; init; }
    public required int ControlsUsed { get; init; }

    /// <summary>Treated units with more than one control at the nearest distance (whether or not ties were averaged).</summary>
    public required int TreatedWithTies { get; init; }

    /// <summary>The counts of the match: treated, treated matched, controls used, treated off support, controls.</summary>
    public MatchingCounts Counts => new(Treated, TreatedMatched, ControlsUsed, Treated - TreatedMatched, SampleRows.Length - Treated);

    public required IReadOnlyList<BalanceRow> Balance { get; init; }
    public required IReadOnlyList<Note> Notes { get; init; }

    /// <summary>psmatch2's _weight per frame row: 1 for matched treated, the summed weights for used controls, 0 otherwise.</summary>
    public double[] FrameWeights(int frameRows)
    {
        var w = new double[frameRows];
        for (int s = 0; s < SampleRows.Length; s++) w[SampleRows[s]] = SampleWeights[s];
        return w;
    }
}
