using System.Text.Json;
using Panelwise.Methods.Grouping;

namespace Panelwise.Render.Json;

/// <summary>A unit classification compared with a given classification: {"given", "derived_levels", "given_levels",
/// "counts" (rows = derived groups), "matching": [{"group", "label", "given"}] (given null when unmatched),
/// "agreeing", "units", "share", "adjusted_rand" (null when undefined), "agreeing_as_labelled" (null when no derived
/// label is a given value), "left_out"}.</summary>
public static class GroupAgreementJson
{
    public static void Write(Utf8JsonWriter w, GroupAgreementResult a)
    {
        w.WriteStartObject();
        w.WriteString("given", a.Given);
        JsonContract.Strings(w, "derived_levels", a.DerivedLevels);
        JsonContract.Strings(w, "given_levels", a.GivenLevels);
        w.WriteStartArray("counts");
        foreach (var row in a.Counts)
        {
            w.WriteStartArray();
            foreach (int c in row) w.WriteNumberValue(c);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("matching");
        for (int g = 0; g < a.Matching.Length; g++)
        {
            w.WriteStartObject();
            w.WriteNumber("group", g + 1);
            w.WriteString("label", a.DerivedLevels[g]);
            if (a.Matching[g] >= 0) w.WriteString("given", a.GivenLevels[a.Matching[g]]);
            else w.WriteNull("given");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("agreeing", a.Agreeing);
        w.WriteNumber("units", a.Units);
        JsonContract.Number(w, "share", a.Share);
        JsonContract.Number(w, "adjusted_rand", a.AdjustedRand);
        if (a.AgreeingAsLabelled is int labelled) w.WriteNumber("agreeing_as_labelled", labelled);
        else w.WriteNull("agreeing_as_labelled");
        JsonContract.Strings(w, "left_out", a.LeftOut);
        w.WriteEndObject();
    }
}
