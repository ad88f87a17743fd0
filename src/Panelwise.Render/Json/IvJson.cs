using System.Text.Json;
using Panelwise.Results;
using Panelwise.Inference;
using Panelwise.Inference.Tests;

namespace Panelwise.Render.Json;

/// <summary>The "iv" block of the fit JSON (issue 4): first stages (with --first-stage), identification, weak-identification,
/// over-identification, endogeneity and Anderson-Rubin statistics, Stock-Yogo critical values and the conventions used.
/// A statistic that does not apply to the model or its covariance is left out, never written as zero.</summary>
public static class IvJson
{
    public static void Write(Utf8JsonWriter w, IvDiagnostics iv, bool firstStage)
    {
        w.WriteStartObject("iv");
        w.WriteString("estimator", iv.Estimator);
        Strings(w, "endogenous", iv.Endogenous);
        Strings(w, "excluded_instruments", iv.ExcludedInstruments);
        w.WriteNumber("dofminus", iv.DofMinus);
        w.WriteString("conventions", iv.Conventions);
        if (firstStage)
        {
            w.WriteStartArray("first_stage");
            foreach (var f in iv.FirstStage) FirstStage(w, f);
            w.WriteEndArray();
        }
        Test(w, "anderson_lm", iv.AndersonLm);
        Test(w, "kp_rk_lm", iv.KpRkLm);
        if (iv.CraggDonaldF is double cd) Number(w, "cragg_donald_f", cd);
        if (iv.KpRkWaldF is double kp) Number(w, "kp_rk_wald_f", kp);
        Test(w, "sargan", iv.Sargan);
        Test(w, "hansen_j", iv.HansenJ);
        if (iv.Endogeneity is { } c)
        {
            w.WriteStartObject("endogeneity");
            TestFields(w, c);
            Strings(w, "variables", iv.EndogeneityTested);
            w.WriteEndObject();
        }
        if (iv.AndersonRubin is { } ar) AndersonRubin(w, ar);
        if (iv.StockYogo is { } sy)
        {
            w.WriteStartObject("stock_yogo");
            Number(w, "size_10", sy.Size10);
            Number(w, "size_15", sy.Size15);
            Number(w, "size_20", sy.Size20);
            Number(w, "size_25", sy.Size25);
            w.WriteString("source", sy.Source);
            w.WriteEndObject();
        }
        if (iv.LimlLambda is double lambda) Number(w, "liml_lambda", lambda);
        w.WriteEndObject();
    }

    private static void FirstStage(Utf8JsonWriter w, FirstStageRow f)
    {
        w.WriteStartObject();
        w.WriteString("endogenous", f.Endogenous);
        Number(w, "f", f.F.Statistic);
        Df(w, f.F);
        Number(w, "p_value", f.F.PValue);
        Number(w, "f_iid", f.FIid);
        Number(w, "partial_r2", f.PartialR2);
        Number(w, "shea_partial_r2", f.SheaPartialR2);
        Number(w, "sw_f", f.SandersonWindmeijerF.Statistic);
        JsonContract.WriteCoefficients(w, f.Coefficients, interval: false);
        w.WriteEndObject();
    }

    private static void AndersonRubin(Utf8JsonWriter w, AndersonRubinResult ar)
    {
        w.WriteStartObject("anderson_rubin");
        Test(w, "f", ar.F);
        Test(w, "chi2", ar.Chi2);
        if (ar.ConfidenceSet is { } set)
        {
            Number(w, "level", ar.Level);
            // Unbounded ends are written as null (JSON has no infinity).
            w.WriteStartArray("confidence_set");
            foreach (var (lo, hi) in set)
            {
                w.WriteStartArray();
                if (double.IsFinite(lo)) w.WriteNumberValue(lo); else w.WriteNullValue();
                if (double.IsFinite(hi)) w.WriteNumberValue(hi); else w.WriteNullValue();
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Test(Utf8JsonWriter w, string name, TestStatistic? t)
    {
        if (t is null) return;
        w.WriteStartObject(name);
        TestFields(w, t);
        w.WriteEndObject();
    }

    private static void TestFields(Utf8JsonWriter w, TestStatistic t)
    {
        Number(w, "statistic", t.Statistic);
        Df(w, t);
        Number(w, "p_value", t.PValue);
        w.WriteString("distribution", t.Distribution);
    }

    /// <summary>"df": a number for chi2 statistics, [df1, df2] for F statistics (as the rest of the contract).</summary>
    private static void Df(Utf8JsonWriter w, TestStatistic t)
    {
        if (t.Df2 is not double d2) { Number(w, "df", t.Df); return; }
        w.WriteStartArray("df");
        w.WriteNumberValue(t.Df);
        w.WriteNumberValue(d2);
        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }
}
