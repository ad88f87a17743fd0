using System.Text;
using System.Text.Json;
using Panelwise.Methods.Grouping;

namespace Panelwise.Cli.Output;

/// <summary>The --json contract of the group command: {"pca": {...} (only with --pca), "groups": [{"group", "label",
/// "units", "size"}], "column", "notes"}; keys in this order, groups numbered from 1 in the canonical order.</summary>
public static class GroupJson
{
    public static string Write(UnitGroupingResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (result.Pca is { } pca) WritePca(w, pca);
            w.WriteStartArray("groups");
            for (int g = 0; g < result.Levels.Count; g++)
            {
                var units = result.UnitsOf(g);
                w.WriteStartObject();
                w.WriteNumber("group", g + 1);
                w.WriteString("label", result.Levels[g]);
                w.WriteStartArray("units");
                foreach (var u in units) w.WriteStringValue(u);
                w.WriteEndArray();
                w.WriteNumber("size", units.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("column", result.Column);
            w.WriteStartArray("notes");
            foreach (var n in result.Notes) w.WriteStringValue(n.Text);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>{"components", "eigenvalues", "explained", "cumulative", "loadings": [{"indicator", "loadings", "msa"}],
    /// "kmo", "bartlett": {"chi2", "df", "p_value"}}; eigenvalues and variances for all components, loadings for the retained.</summary>
    private static void WritePca(Utf8JsonWriter w, PrincipalComponentsResult pca)
    {
        w.WriteStartObject("pca");
        w.WriteNumber("components", pca.Scores.Length);
        Numbers(w, "eigenvalues", pca.Eigenvalues);
        Numbers(w, "explained", pca.ExplainedVariance);
        Numbers(w, "cumulative", pca.CumulativeVariance);
        w.WriteStartArray("loadings");
        for (int j = 0; j < pca.Variables.Count; j++)
        {
            w.WriteStartObject();
            w.WriteString("indicator", pca.Variables[j]);
            Numbers(w, "loadings", pca.Loadings[j]);
            Number(w, "msa", pca.KmoByVariable[j]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Number(w, "kmo", pca.Kmo);
        w.WriteStartObject("bartlett");
        Number(w, "chi2", pca.Bartlett.ChiSquare);
        w.WriteNumber("df", pca.Bartlett.DegreesOfFreedom);
        Number(w, "p_value", pca.Bartlett.PValue);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            if (double.IsFinite(v)) w.WriteNumberValue(v); else w.WriteNullValue();
        }
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value); else w.WriteNull(name);
    }
}
