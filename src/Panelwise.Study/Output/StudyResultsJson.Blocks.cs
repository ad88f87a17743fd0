using System.Text.Json;
using Panelwise.Render.Json;

namespace Panelwise.Study;

/// <summary>The "comparison" block of a heterogeneity table: how the groups were compared and, per group column, its
/// equality test in the compare command's words (<see cref="ComparisonJson.WriteTest"/>). Mediation, match,
/// descriptive and regression blocks are written by their Render writers, the same as the CLI's --json.</summary>
internal static partial class StudyResultsJson
{
    private static void WriteComparison(Utf8JsonWriter w, ComparisonSummary c)
    {
        w.WriteStartObject("comparison");
        w.WriteString("by", c.By);
        if (c.Coefficient is { } coefficient) w.WriteString("coefficient", coefficient);
        else w.WriteNull("coefficient");
        w.WriteString("test", c.Test);
        w.WriteString("pairing", c.Pairing);
        w.WriteStartArray("groups");
        foreach (var g in c.Groups)
        {
            w.WriteStartObject();
            w.WriteString("level", g.Level);
            w.WriteString("title", g.Title);
            w.WriteNumber("column", g.Column);
            w.WriteNumber("nobs", g.Nobs);
            ComparisonJson.WriteTest(w, "compared", g.Test);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
