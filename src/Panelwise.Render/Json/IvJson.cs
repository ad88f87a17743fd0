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
        JsonContract.Strings(w, "endogenous", iv.Endogenous);
        JsonContract.Strings(w, "excluded_instruments", iv.ExcludedInstruments);
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
        if (iv.CraggDonaldF is double cd) JsonContract.Number(w, "cragg_donald_f", cd);
        if (iv.KpRkWaldF is double kp) JsonContract.Number(w, "kp_rk_wald_f", kp);
        Test(w, "sargan", iv.Sargan);
        Test(w, "hansen_j", iv.HansenJ);
        if (iv.Endogeneity is { } c)
        {
            w.WriteStartObject("endogeneity");
            JsonContract.WriteTestFields(w, c);
            JsonContract.Strings(w, "variables", iv.EndogeneityTested);
            w.WriteEndObject();
        }
        if (iv.AndersonRubin is { } ar) AndersonRubin(w, ar);
        if (iv.StockYogo is { } sy)
        {
            w.WriteStartObject("stock_yogo");
            JsonContract.Number(w, "size_10", sy.Size10);
            JsonContract.Number(w, "size_15", sy.Size15);
            JsonContract.Number(w, "size_20", sy.Size20);
            JsonContract.Number(w, "size_25", sy.Size25);
            w.WriteString("source", sy.Source);
            w.WriteEndObject();
        }
        if (iv.LimlLambda is double lambda) JsonContract.Number(w, "liml_lambda", lambda);
        w.WriteEndObject();
    }

    private static void Test(Utf8JsonWriter w, string name, TestStatistic? t)
    {
        if (t is not null) JsonContract.WriteTest(w, name, t);
    }

    private static void FirstStage(Utf8JsonWriter w, FirstStageRow f)
    {
        w.WriteStartObject();
        w.WriteString("endogenous", f.Endogenous);
        JsonContract.Number(w, "f", f.F.Statistic);
        JsonContract.Df(w, f.F.Df, f.F.Df2);
        JsonContract.Number(w, "p_value", f.F.PValue);
        JsonContract.Number(w, "f_iid", f.FIid);
        JsonContract.Number(w, "partial_r2", f.PartialR2);
        JsonContract.Number(w, "shea_partial_r2", f.SheaPartialR2);
        JsonContract.Number(w, "sw_f", f.SandersonWindmeijerF.Statistic);
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
            JsonContract.Number(w, "level", ar.Level);
            // Unbounded ends are written as null (JSON has no infinity).
            w.WriteStartArray("confidence_set");
            foreach (var (lo, hi) in set)
            {
                w.WriteStartArray();
                JsonContract.NumberValue(w, lo);
                JsonContract.NumberValue(w, hi);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
