using System.Text.Json;
using Xunit;

namespace Panelwise.Tests.Support;

/// <summary>Loading of the committed reference-case files (tests/reference/FAMILY/cases.json) and the relative-error
/// assertion every reference test uses.</summary>
internal static class ReferenceCases
{
    /// <summary>The "cases" array of tests/reference/<paramref name="family"/>/cases.json.</summary>
    public static JsonElement[] Load(string family)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of(family, "cases.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    /// <summary>Asserts |actual - expected| / |expected| <= tolerance, naming what was compared.</summary>
    public static void Near(double expected, double actual, double tolerance, string what)
    {
        double err = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(err <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {err:g3})");
    }
}
