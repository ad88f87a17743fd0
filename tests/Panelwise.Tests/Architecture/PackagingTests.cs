using System.Xml.Linq;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Architecture;

/// <summary>Every project under src/ packs (<c>dotnet pack Panelwise.slnx</c>) with an id, a description, authors, the
/// MIT licence expression, the repository README and its XML documentation. Running the pack here would take about
/// two minutes (a Release build, the tool's 300 MB of native libraries), so this test reads the metadata where it is
/// set: Directory.Build.props for what the packages share, each csproj for its description.</summary>
public class PackagingTests
{
    public static readonly TheoryData<string> Packages =
        ["Panelwise.Absorb", "Panelwise", "Panelwise.IO", "Panelwise.Render", "Panelwise.Study", "Panelwise.Cli"];

    private static XElement? Property(XDocument project, string name) =>
        project.Descendants(name).FirstOrDefault(e => e.Parent?.Name == "PropertyGroup");

    [Fact]
    public void Shared_metadata_is_set_for_the_projects_under_src()
    {
        var props = XDocument.Load(RepositoryPath.Of("Directory.Build.props"));
        Assert.Equal("MIT", Property(props, "PackageLicenseExpression")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Property(props, "Authors")?.Value));
        Assert.Equal("$(MSBuildProjectName)", Property(props, "PackageId")?.Value);
        Assert.Equal("true", Property(props, "GenerateDocumentationFile")?.Value);
        Assert.Equal("README.md", Property(props, "PackageReadmeFile")?.Value);
        // The metadata's group applies to the projects whose folder is under src/ (not tests or benchmarks).
        Assert.Equal("$(MSBuildProjectDirectory.StartsWith('$(MSBuildThisFileDirectory)src'))", Property(props, "PanelwisePackage")?.Value);
        Assert.Equal("'$(PanelwisePackage)' == 'true'", Property(props, "PackageLicenseExpression")!.Parent!.Attribute("Condition")?.Value);
        var readme = props.Descendants("None").Single(e => e.Attribute("Include")?.Value == "$(MSBuildThisFileDirectory)README.md");
        Assert.Equal("true", readme.Attribute("Pack")?.Value);
        Assert.Equal("/", readme.Attribute("PackagePath")?.Value);
        Assert.True(File.Exists(RepositoryPath.Of("README.md")));
        Assert.StartsWith("MIT License", File.ReadAllText(RepositoryPath.Of("LICENSE")));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Each_package_describes_itself_and_stays_packable(string project)
    {
        string path = RepositoryPath.Of("src", project, project + ".csproj");
        var csproj = XDocument.Load(path);
        Assert.True((Property(csproj, "Description")?.Value.Length ?? 0) > 40, $"{project}: a Description of a sentence or more");
        Assert.Null(Property(csproj, "IsPackable"));
        Assert.Null(Property(csproj, "GenerateDocumentationFile"));
        Assert.Null(Property(csproj, "PackageId"));
    }

    [Fact]
    public void The_cli_packs_as_the_panelwise_tool()
    {
        var csproj = XDocument.Load(RepositoryPath.Of("src", "Panelwise.Cli", "Panelwise.Cli.csproj"));
        Assert.Equal("true", Property(csproj, "PackAsTool")?.Value);
        Assert.Equal("panelwise", Property(csproj, "ToolCommandName")?.Value);
    }
}
