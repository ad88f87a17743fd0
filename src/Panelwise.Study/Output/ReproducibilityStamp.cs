using System.Reflection;
using System.Security.Cryptography;
using Panelwise.Render.Tables;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>The note line that tells a reader exactly what produced a table: SHA-256 (first 12 hex digits) of the
/// study file and of each data file, the random seeds used, and the Panelwise version (assembly informational
/// version, with the commit when the build knows it). Files are named without their folder, so the line does not
/// depend on where the study was run; it is the same on every run of the same inputs and build.</summary>
public static class ReproducibilityStamp
{
    /// <summary>The run's inputs, each file hashed once; a table's note renders them in its language
    /// (<see cref="StampInputs.Line"/>), results.json and the report in English.</summary>
    public static StampInputs Of(StudyPlan plan) => new(
        Path.GetFileName(plan.Source), Hash(plan.Source),
        [.. plan.InputFiles.Select(f => (Path.GetFileName(f), Hash(f)))], plan.Seeds);

    /// <summary>The first 12 hex digits of the file's SHA-256, or "unreadable" when the file is gone.</summary>
    public static string Hash(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        }
        catch (IOException) { return "unreadable"; }
    }

    /// <summary>The informational version with a commit id shortened to 12 characters (0.1.0+0123456789ab).</summary>
    public static string Version
    {
        get
        {
            string version = typeof(ReproducibilityStamp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(ReproducibilityStamp).Assembly.GetName().Version?.ToString() ?? "unknown";
            int plus = version.IndexOf('+');
            return plus >= 0 && version.Length > plus + 13 ? version[..(plus + 13)] : version;
        }
    }
}

/// <summary>What the reproducibility line names: the study file and each data file with their hashes, and the seeds.</summary>
public sealed record StampInputs(string Study, string StudyHash, IReadOnlyList<(string File, string Hash)> Data, IReadOnlyList<long> Seeds)
{
    /// <summary>The line in <paramref name="text"/>'s language.</summary>
    public string Line(TableText text)
    {
        string data = string.Join(text.Separator, Data.Select(d => string.Format(text.DataFile, d.File, d.Hash)));
        string seeds = Seeds.Count == 0 ? text.NoSeeds : string.Join(", ", Seeds);
        return string.Format(text.Reproducibility, Study, StudyHash, data, seeds, ReproducibilityStamp.Version);
    }
}
