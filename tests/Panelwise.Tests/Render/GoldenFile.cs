using System.Text;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Render;

/// <summary>Compares output with a committed golden file in tests/reference/render. Set PANELWISE_UPDATE_GOLDEN=1 to
/// rewrite the files in the source tree after an intended change, then review the diff before committing.</summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("PANELWISE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(RepositoryPath.Of("tests", "reference", "render", name), actual, new UTF8Encoding(false));
            return;
        }
        string path = ReferencePath.Of("render", name);
        Assert.True(File.Exists(path), $"Golden file {name} is missing: run the tests once with PANELWISE_UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
