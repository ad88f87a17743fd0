using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Architecture;

/// <summary>Files stay small and single-purpose: no source or project file under src/ over 400 lines (most are under
/// 200). Build output (bin/, obj/) is not source; the embedded font and third-party licence texts are not code.</summary>
public class SourceFileSizeTests
{
    private const int MaxLines = 400;
    private static readonly string[] SourceExtensions = [".cs", ".csproj", ".props", ".targets"];

    [Fact]
    public void No_source_file_under_src_exceeds_400_lines()
    {
        string src = RepositoryPath.Of("src");
        var files = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(f => SourceExtensions.Contains(Path.GetExtension(f)))
            .Where(f => !Path.GetRelativePath(src, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {src}");
        var large = files.Select(f => (Path: Path.GetRelativePath(src, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines).OrderByDescending(f => f.Lines).ToList();
        Assert.True(large.Count == 0, $"files over {MaxLines} lines (split them by concern):\n"
            + string.Join("\n", large.Select(f => $"  src/{f.Path}: {f.Lines} lines")));
    }
}
