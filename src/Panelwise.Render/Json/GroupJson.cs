using System.Text.Json;
using Panelwise.Methods.Grouping;

namespace Panelwise.Render.Json;

/// <summary>The --json contract of the group command: {"pca": {...} (only with --pca), "groups": [{"group", "label",
/// "units", "size"}], "column", "notes"}; keys in this order, groups numbered from 1 in the canonical order.</summary>
public static class GroupJson
{
    public static string Write(UnitGroupingResult result) => JsonContract.Document(w =>
    {
        w.WriteStartObject();
        WriteFields(w, result);
        w.WriteEndObject();
    });

    /// <summary>The fields of <see cref="Write"/> into an open object (the study's results.json block of a
    /// <c>classify_units</c> variable carries the same fields).</summary>
    public static void WriteFields(Utf8JsonWriter w, UnitGroupingResult result)
    {
        if (result.Pca is { } pca) WritePca(w, pca);
        w.WriteStartArray("groups");
        for (int g = 0; g < result.Levels.Count; g++)
        {
            var units = result.UnitsOf(g);
            w.WriteStartObject();
            w.WriteNumber("group", g + 1);
            w.WriteString("label", result.Levels[g]);
            JsonContract.Strings(w, "units", units);
            w.WriteNumber("size", units.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("column", result.Column);
        JsonContract.Notes(w, result.Notes);
    }

    /// <summary>{"components", "eigenvalues", "explained", "cumulative", "loadings": [{"indicator", "loadings", "msa"}],
    /// "kmo", "bartlett": {"chi2", "df", "p_value"}}; eigenvalues and variances for all components, loadings for the retained.</summary>
    private static void WritePca(Utf8JsonWriter w, PrincipalComponentsResult pca)
    {
        w.WriteStartObject("pca");
        w.WriteNumber("components", pca.Scores.Length);
        JsonContract.Numbers(w, "eigenvalues", pca.Eigenvalues);
        JsonContract.Numbers(w, "explained", pca.ExplainedVariance);
        JsonContract.Numbers(w, "cumulative", pca.CumulativeVariance);
        w.WriteStartArray("loadings");
        for (int j = 0; j < pca.Variables.Count; j++)
        {
            w.WriteStartObject();
            w.WriteString("indicator", pca.Variables[j]);
            JsonContract.Numbers(w, "loadings", pca.Loadings[j]);
            JsonContract.Number(w, "msa", pca.KmoByVariable[j]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        JsonContract.Number(w, "kmo", pca.Kmo);
        w.WriteStartObject("bartlett");
        JsonContract.Number(w, "chi2", pca.Bartlett.ChiSquare);
        w.WriteNumber("df", pca.Bartlett.DegreesOfFreedom);
        JsonContract.Number(w, "p_value", pca.Bartlett.PValue);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
