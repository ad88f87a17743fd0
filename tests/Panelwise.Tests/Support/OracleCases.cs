using System.Text.Json;

namespace Panelwise.Tests.Support;

/// <summary>One case of tests/reference/oracle/cases.json by id.</summary>
internal static class OracleCases
{
    public static JsonElement Load(string id)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("oracle", "cases.json")));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id).Clone();
    }

    /// <summary>Fails with the quantity's name unless |actual - expected| ≤ tolerance·|expected|.</summary>
    public static void Near(double expected, double actual, string what, double tolerance = 1e-6) =>
        Panel.PanelOracleTests.Near(expected, actual, what, tolerance);
}
