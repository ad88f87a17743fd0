namespace Panelwise.Tests.Support;

/// <summary>Locates the committed reference fixtures (tests/reference, copied next to the test assembly).</summary>
internal static class ReferencePath
{
    public static string Of(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "reference", .. parts]);
}
