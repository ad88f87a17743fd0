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
    public static string For(StudyPlan plan) => For(plan, TableText.En);

    /// <summary>The line in <paramref name="text"/>'s language (a table's note); results.json and the report keep the English one.</summary>
    public static string For(StudyPlan plan, TableText text)
    {
        string data = string.Join(text.Separator, plan.InputFiles.Select(f => string.Format(text.DataFile, Path.GetFileName(f), Hash(f))));
        string seeds = plan.Seeds.Count == 0 ? text.NoSeeds : string.Join(", ", plan.Seeds);
        return string.Format(text.Reproducibility, Path.GetFileName(plan.Source), Hash(plan.Source), data, seeds, Version);
    }

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
