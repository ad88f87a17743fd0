using System.Globalization;

namespace Panelwise.Inference.Bootstrap;

/// <summary>A wild cluster restricted bootstrap request: replications, weight distribution and seed.</summary>
public sealed record WildBootstrapSpec(int Reps, BootstrapWeights Weights = BootstrapWeights.Rademacher, int Seed = 42)
{
    /// <summary>Parses the CLI forms <c>B</c> and <c>B:webb</c> (or <c>B:rademacher</c>).</summary>
    public static WildBootstrapSpec Parse(string text, int seed)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int reps) || reps < 1)
            throw new UserInputException($"{{WildBootstrap}} {text}: give the number of replications, e.g. {{WildBootstrap}} 9999 or {{WildBootstrap}} 9999:webb.");
        var weights = parts.Length == 1 ? BootstrapWeights.Rademacher : parts[1] switch
        {
            "rademacher" => BootstrapWeights.Rademacher,
            "webb" => BootstrapWeights.Webb,
            _ => throw new UserInputException($"{{WildBootstrap}} {text}: the weights are rademacher (default) or webb."),
        };
        return new WildBootstrapSpec(reps, weights, seed);
    }
}
