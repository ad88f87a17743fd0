using System.Text.Json;
using Panelwise.Estimation;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Results;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Reference;

/// <summary>The linear-model cases of tests/reference/linear/cases.json (R 4.2.2: lm with dummies, sandwich, plm and
/// explicit algebra, cross-checked two ways; generate.R beside it). Each case states its convention; in short:
/// iid s² = SSR/(N-K); HC1 = N/(N-K); CR1 = G/(G-1)(N-1)/(N-K), t(G-1); two-way CGM with Gmin; K = coefficients +
/// absorbed FE levels not nested in the clusters; _cons = ȳ - x̄'b (reghdfe). Tolerance 1e-6 relative.</summary>
public class LinearReferenceTests
{
    private static readonly JsonElement[] Cases = LoadCases();

    public static TheoryData<string> CaseIds() => new(Cases.Select(c => c.GetProperty("id").GetString()!));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void MatchesReference(string id)
    {
        var c = Cases.Single(x => x.GetProperty("id").GetString() == id);
        var frame = DataReader.Read(ReferencePath.Of(c.GetProperty("data").GetString()!.Split('/')));
        var options = new FitOptions
        {
            Panel = c.GetProperty("panel").ValueKind == JsonValueKind.Array
                ? (c.GetProperty("panel")[0].GetString()!, c.GetProperty("panel")[1].GetString()!) : null,
            Vcov = VcovSpec.Parse(c.GetProperty("vcov").GetString()!),
            Weights = c.GetProperty("weights").ValueKind == JsonValueKind.String ? c.GetProperty("weights").GetString() : null,
            If = c.GetProperty("if").ValueKind == JsonValueKind.String ? c.GetProperty("if").GetString() : null,
        };
        var result = Assert.Single(Regression.Fit(frame, c.GetProperty("formula").GetString()!, options));
        double tol = c.GetProperty("tolerance").GetDouble();

        Assert.Equal(c.GetProperty("nobs").GetInt32(), result.Nobs);
        Assert.Equal(c.GetProperty("t_df").GetDouble(), result.Vcov.DfResidual);
        Assert.Equal(c.GetProperty("K").GetInt32(), result.Vcov.KUsed);
        Assert.Equal(c.GetProperty("dropped").EnumerateArray().Select(d => d.GetString()), result.Fit.DroppedTerms);
        var expected = c.GetProperty("coefficients").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.GetProperty("term").GetString()), result.Coefficients.Select(r => r.Term));
        foreach (var e in expected)
        {
            var row = result[e.GetProperty("term").GetString()!]!;
            Near(e, "estimate", row.Estimate, tol, id, row.Term);
            Near(e, "std_error", row.StdError, tol, id, row.Term);
            Near(e, "statistic", row.Statistic, tol, id, row.Term);
            Near(e, "p_value", row.PValue, tol, id, row.Term);
        }
        Near(c, "rss", result.Fit.Ssr, tol, id, "rss");
        if (c.TryGetProperty("r2", out _)) Near(c, "r2", result.R2, tol, id, "r2");
        if (c.TryGetProperty("adj_r2", out _)) Near(c, "adj_r2", result.AdjR2, tol, id, "adj_r2");
        if (c.TryGetProperty("r2_within", out _)) Near(c, "r2_within", result.R2Within!.Value, tol, id, "r2_within");
        if (c.TryGetProperty("adj_r2_within", out _)) Near(c, "adj_r2_within", result.AdjR2Within!.Value, tol, id, "adj_r2_within");
        var f = c.GetProperty("f");
        Near(f, "statistic", result.FTest!.Statistic, tol, id, "F");
        Near(f, "p_value", result.FTest.PValue, tol, id, "F p");
        Assert.Equal(f.GetProperty("df1").GetDouble(), result.FTest.Df1);
        Assert.Equal(f.GetProperty("df2").GetDouble(), result.FTest.Df2);
    }

    private static void Near(JsonElement e, string key, double actual, double tol, string id, string what) =>
        ReferenceCases.Near(e.GetProperty(key).GetDouble(), actual, tol, $"{id} {what} {key}");

    private static JsonElement[] LoadCases() => ReferenceCases.Load("linear");
}
