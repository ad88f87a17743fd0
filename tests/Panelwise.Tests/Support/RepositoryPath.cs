namespace Panelwise.Tests.Support;

/// <summary>Locates the repository root (the folder with Panelwise.slnx) from the test assembly, for examples and
/// for rewriting golden files.</summary>
internal static class RepositoryPath
{
    public static string Of(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Panelwise.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Panelwise.slnx not found above the test assembly.");
        return Path.Combine([dir.FullName, .. parts]);
    }
}
