using System.Text.Json;
using Panelwise.Methods.GroupComparison;

namespace Panelwise.Render.Json;

/// <summary>The --json contract of compare: {"groups": [{"group", "nobs", "coefficients": [...]}], "tests": [{"test",
/// "coefficient" (absent for Chow), "groups": [a, b], "statistic", "df", "p_value"}]} (Chow adds "df2"), plus "notes".</summary>
public static class ComparisonJson
{
    public static string Write(ComparisonResult r) => JsonContract.Document(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("groups");
        foreach (var g in r.Groups)
        {
            w.WriteStartObject();
            w.WriteString("group", g.Group);
            w.WriteNumber("nobs", g.Result.Nobs);
            w.WriteString("vcov", g.Result.Vcov.Convention);
            JsonContract.WriteCoefficients(w, g.Result.Coefficients, interval: false);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("tests");
        foreach (var t in r.Tests)
        {
            w.WriteStartObject();
            w.WriteString("test", t.Test);
            if (t.Coefficient is not null) w.WriteString("coefficient", t.Coefficient);
            WriteTest(w, "groups", t);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        JsonContract.Notes(w, r.Notes.Select(n => n.Text).Concat(r.Groups.SelectMany(g => g.Result.Notes.Select(n => $"{g.Group}: {n.Text}"))));
        w.WriteEndObject();
    });

    /// <summary>One equality test's fields: the two groups compared (under <paramref name="groupsKey"/>), "statistic",
    /// "df", "df2" (only where the test has a second degree of freedom, Chow's F) and "p_value". Shared by the compare
    /// command's "tests" and a study's "comparison" groups.</summary>
    public static void WriteTest(Utf8JsonWriter w, string groupsKey, EqualityTest t)
    {
        w.WriteStartArray(groupsKey);
        w.WriteStringValue(t.Groups.A);
        w.WriteStringValue(t.Groups.B);
        w.WriteEndArray();
        JsonContract.Number(w, "statistic", t.Statistic);
        JsonContract.Number(w, "df", t.Df);
        if (!double.IsNaN(t.Df2)) JsonContract.Number(w, "df2", t.Df2);
        JsonContract.Number(w, "p_value", t.PValue);
    }
}
