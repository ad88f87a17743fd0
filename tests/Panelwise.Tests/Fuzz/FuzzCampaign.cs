using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Panelwise.Tests.Fuzz;

/// <summary>
/// Runs seeds <c>first .. first+count-1</c> of each generator (in parallel when asked) and keeps every violation of
/// the invariant as a finding.
/// </summary>
internal sealed class FuzzCampaign
{
    public ConcurrentDictionary<string, int> Inputs { get; } = new();
    public ConcurrentDictionary<string, int> Outcomes { get; } = new();
    public ConcurrentDictionary<string, double> Milliseconds { get; } = new();
    public ConcurrentBag<FuzzVerdict> Findings { get; } = [];
    public TimeSpan Elapsed { get; private set; }
    public int Total => Inputs.Values.Sum();

    public static FuzzCampaign Run(IReadOnlyDictionary<string, int> counts, int first, int threads, Action<FuzzCampaign>? progress = null, Action<FuzzVerdict>? observe = null)
    {
        var campaign = new FuzzCampaign();
        var clock = Stopwatch.StartNew();
        var work = counts.SelectMany(c => Enumerable.Range(first, c.Value).Select(seed => (c.Key, seed))).ToArray();
        int done = 0;
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = threads }, item =>
        {
            var verdict = FuzzOracle.Run(FuzzGenerators.Create(item.Key, item.seed));
            campaign.Record(verdict);
            observe?.Invoke(verdict);
            if (Interlocked.Increment(ref done) % 5000 == 0) progress?.Invoke(campaign);
        });
        campaign.Elapsed = clock.Elapsed;
        return campaign;
    }

    private void Record(FuzzVerdict verdict)
    {
        string generator = verdict.Input.Generator;
        Inputs.AddOrUpdate(generator, 1, (_, n) => n + 1);
        Milliseconds.AddOrUpdate(generator, verdict.Elapsed.TotalMilliseconds, (_, t) => t + verdict.Elapsed.TotalMilliseconds);
        string outcome = verdict.Ok ? (verdict.Exit == 0 ? "exit 0" : "user error") : "violation";
        Outcomes.AddOrUpdate($"{generator}: {outcome}", 1, (_, n) => n + 1);
        if (verdict.Ok) return;
        Findings.Add(verdict);
    }

    /// <summary>Counts per generator and outcome, and the first findings of each kind in full.</summary>
    public string Report(int showFindings = 20)
    {
        var text = new StringBuilder();
        text.AppendLine($"{Total} inputs in {Elapsed.TotalSeconds:F1} s ({Total / Math.Max(Elapsed.TotalSeconds, 1e-9):F0}/s)");
        foreach (var (key, n) in Inputs.OrderBy(k => k.Key)) text.AppendLine($"  {key}: {n} inputs, {Milliseconds[key] / n:F1} ms each");
        foreach (var (key, n) in Outcomes.OrderBy(k => k.Key)) text.AppendLine($"  {key}: {n}");
        text.AppendLine($"violations: {Findings.Count}");
        foreach (var group in Findings.GroupBy(Signature).OrderByDescending(g => g.Count()).Take(showFindings))
            text.AppendLine($"== {group.Count()} x {group.Key}").AppendLine(group.OrderBy(v => v.Input.Seed).First().Describe());
        return text.ToString();
    }

    /// <summary>A violation's kind, generator and its message with numbers and quoted names blanked, to group alike.</summary>
    public static string Signature(FuzzVerdict v)
    {
        string message = v.Err.Split('\n')[0];
        message = System.Text.RegularExpressions.Regex.Replace(message, "'[^']*'|\"[^\"]*\"|\\d+(\\.\\d+)?", "#");
        return $"{v.Violation} {v.Input.Generator}: {(message.Length > 140 ? message[..140] : message)}";
    }
}
