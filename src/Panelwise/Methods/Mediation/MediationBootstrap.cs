using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.Methods.Resampling;
using Panelwise.Models;

namespace Panelwise.Methods.Mediation;

/// <summary>The nonparametric bootstrap of a·b: B samples of the common estimation sample drawn with replacement
/// (cases, or whole clusters of the first cluster variable when the covariance is clustered), every equation refitted
/// on each (point estimates only), and the a_j·b_j and Σ a_j b_j replicates turned into percentile and bias-corrected
/// intervals. When clusters are drawn, a fixed effect on the cluster variable is given one level per drawn copy
/// (Stata's <c>idcluster()</c>), so a cluster drawn twice is two units.</summary>
internal sealed class MediationBootstrap
{
    private const string CopyColumn = "pw_bootstrap_copy";
    private readonly FrameResampler _resampler;
    private readonly MediationEquations _equations;
    private readonly FitOptions _options;
    private readonly int _reps;
    private readonly bool _clustered;

    public MediationBootstrap(Frame frame, int[] rows, MediationSpec spec, FitOptions options)
    {
        _reps = spec.BootstrapReps;
        string? cluster = options.Vcov.ClusterVariables.Count > 0 ? options.Vcov.ClusterVariables[0].Split('^')[0] : null;
        _resampler = new FrameResampler(FrameResampler.Gather(frame, rows), cluster, spec.Seed);
        Resampling = cluster is null ? "cases" : $"clusters of {cluster}";
        if (options.Vcov.ClusterVariables.Count > 1 || options.Vcov.ClusterVariables.Any(c => c.Contains('^')))
            Notes.Add(new Note(NoteKind.Resampling, "cluster_bootstrap", $"bootstrap: clusters of {cluster} are resampled (the first cluster variable only)", [cluster!]));
        string? effects = spec.FixedEffects is null || cluster is null ? spec.FixedEffects
            : string.Join(" + ", spec.FixedEffects.Split('+', StringSplitOptions.TrimEntries).Select(f => f == cluster ? $"{f}^{CopyColumn}" : f));
        _equations = new MediationEquations(spec, effects);
        if (_equations.Joint.UsesPanel())
            throw new UserInputException("The mediation bootstrap cannot resample lags or differences: create the lagged columns first, or drop {MediationBootstrap}.");
        // Replicates need point estimates only: iid is the cheapest covariance; the --if filter is already applied.
        _options = new FitOptions { Weights = options.Weights, Estimation = options.Estimation, Vcov = VcovSpec.Iid };
        _clustered = cluster is not null;
    }

    public string Resampling { get; }

    public List<Note> Notes { get; } = [];

    /// <summary>Intervals for each mediator's a·b (alone) and, with several, Σ a_j b_j of the joint equation.</summary>
    public (BootstrapInterval[] Each, BootstrapInterval? Joint) Run(int k, IProgress<string>? progress, double[] estimates, double? jointEstimate)
    {
        var each = Enumerable.Range(0, k).Select(_ => new double[_reps]).ToArray();
        var joint = new double[_reps];
        for (int rep = 0; rep < _reps; rep++)
        {
            var sample = _resampler.Next(_clustered ? CopyColumn : null);
            var a = new double[k];
            for (int j = 0; j < k; j++)
            {
                a[j] = Coefficient(sample, _equations.A(j), 0);
                each[j][rep] = k == 1 ? double.NaN : a[j] * Coefficient(sample, _equations.Outcome(j), 1);
            }
            var jointModel = _equations.Joint;
            var fit = TryFit(sample, jointModel);
            double sum = 0;
            for (int j = 0; j < k; j++)
            {
                double b = fit is null ? double.NaN : MediationEquations.Row(fit, jointModel, 1 + j)?.Estimate ?? double.NaN;
                sum += a[j] * b;
                if (k == 1) each[j][rep] = a[j] * b;
            }
            joint[rep] = sum;
            if ((rep + 1) % 10 == 0 || rep + 1 == _reps) progress?.Report($"mediation bootstrap: {rep + 1}/{_reps} replications");
        }
        var intervals = Enumerable.Range(0, k).Select(j => BootstrapInterval.From(each[j], estimates[j])).ToArray();
        int failed = intervals.Max(i => i.Failed);
        if (failed > 0) Notes.Add(new Note(NoteKind.Resampling, "failed_replications", $"bootstrap: {failed} of {_reps} replications failed (collinear or empty resample) and were left out"));
        return (intervals, jointEstimate is { } est ? BootstrapInterval.From(joint, est) : null);
    }

    private double Coefficient(Frame sample, Formula.ModelSpec model, int position) =>
        TryFit(sample, model) is { } fit ? MediationEquations.Row(fit, model, position)?.Estimate ?? double.NaN : double.NaN;

    private Results.RegressionResult? TryFit(Frame sample, Formula.ModelSpec model)
    {
        try
        {
            return MediationEquations.Fit(sample, model, _options);
        }
        catch (Exception ex) when (ex is EstimationException or DataException)
        {
            return null;
        }
    }
}
