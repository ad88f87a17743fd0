using System.Globalization;
using Panelwise.Estimation;
using Panelwise.Inference;
using Xunit;

namespace Panelwise.Tests.Cli;

/// <summary>Degenerate but valid designs (issue 15): each is a user error that names the cause and the fix, or a finite
/// result with a note — never MathNet's "Invalid parametrization" / "Matrix must be positive definite", an internal error,
/// or NaN and Infinity without a word.</summary>
public class DegenerateDesignTests
{
    private static readonly Lazy<string> Data = new(Build);

    /// <summary>5 units x 6 periods: y, x, instruments z1..z3, a mediator m, a 0/1 treatment d, a group g, columns that are
    /// constant (c = 5, zero = 0), a copy of x rescaled (x2 = 2x + 3), a variable with a tiny spread next to its level
    /// (big = 1e12 + N(0, 0.01)) and an exact linear response (lin = 1 + 2x).</summary>
    private static string Build()
    {
        var rng = new Random(7);
        double N() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var lines = new List<string> { "id,t,y,x,z1,z2,z3,m,d,g,c,zero,x2,big,lin" };
        for (int i = 1; i <= 5; i++)
            for (int t = 2000; t < 2006; t++)
            {
                double z1 = N(), z2 = N(), z3 = N(), x = 0.8 * z1 + 0.5 * z2 + N(), m = 0.5 * x + N(), y = 1 + 2 * x + m + N();
                int d = (i + t) % 3 == 0 ? 1 : 0;
                double big = 1e12 + 0.01 * N();
                lines.Add(string.Join(",", new object[] { i, t, y, x, z1, z2, z3, m, d, i <= 3 ? "a" : "b", 5, 0, 2 * x + 3, big, 1 + 2 * x }
                    .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            }
        return CliRunner.TempCsv("degenerate.csv", string.Join("\n", lines) + "\n");
    }

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRunner.Run([args[0], Data.Value, .. args[1..]]);

    private static void AssertUserError((int Exit, string Out, string Err) r, params string[] fragments)
    {
        Assert.Equal(2, r.Exit);
        foreach (var f in fragments) Assert.Contains(f, r.Err);
        Assert.DoesNotContain("internal error", r.Err);
        Assert.DoesNotContain("parametrization", r.Err);
        Assert.DoesNotContain("positive definite.", r.Err.Replace("not positive definite", ""));
    }

    [Theory]
    [InlineData("fit", "y ~ x", "--vcov", "cluster:id", "--if", "id == 1")]
    [InlineData("fit", "y ~ x", "--vcov", "cluster:id+t", "--if", "id == 1")]
    [InlineData("fit", "y ~ x", "--vcov", "cluster:id", "--wildboot", "99", "--if", "id == 1")]
    [InlineData("fit", "y ~ 1 | x ~ z1", "--vcov", "cluster:id", "--estimator", "liml", "--if", "id == 1")]
    [InlineData("mediate", "--y", "y", "--x", "x", "--m", "m", "--vcov", "cluster:id", "--if", "id == 1")]
    public void OneClusterNamesTheClusterVariable(params string[] args) =>
        AssertUserError(Run(args), "Clustering by 'id' leaves 1 cluster", "at least 2");

    [Fact]
    public void NoDegreesOfFreedomIsTypedNotMathNet()
    {
        var ex = Assert.Throws<EstimationException>(() => TailProbability.CriticalValue(0));
        Assert.Contains("0 degrees of freedom", ex.Message);
        Assert.True(double.IsNaN(TailProbability.StudentTwoSided(1, 0)));
        Assert.True(double.IsNaN(TailProbability.FisherUpper(1, 0, 4)));
        Assert.True(double.IsNaN(TailProbability.ChiSquaredUpper(1, 0)));
    }

    /// <summary>A response constant within the fixed effect (g is a function of id): within R2 was -Infinity and every
    /// standard error 0 or 1e-64 (fuzz seed formula 4000164); with two-way effects too.</summary>
    [Theory]
    [InlineData("id ~ x | id")]
    [InlineData("id ~ x | t + id")]
    public void ResponseAbsorbedByTheFixedEffectsIsAnError(string formula) =>
        AssertUserError(Run("fit", formula), "The response 'id' does not vary within the levels of the fixed effects");

    [Fact]
    public void IvWithTooFewObservationsForItsInstrumentsIsAnError() =>
        AssertUserError(Run("fit", "y ~ 1 | x ~ z1", "--if", "id == 1 & t < 2002"), "2 observations for 2 parameters");

    [Theory]
    [InlineData("y ~ 1 | x ~ x", "'x' is both an endogenous regressor and its own excluded instrument")]
    [InlineData("y ~ 1 | x ~ x2", "'x' is an exact linear function of the excluded instruments")]
    [InlineData("y ~ 1 | x ~ z1 + x2", "'x' is an exact linear function of the excluded instruments")]
    public void InstrumentCopyingItsEndogenousRegressorIsAnError(string formula, string message)
    {
        AssertUserError(Run("fit", formula), message, "as exogenous");
        AssertUserError(Run("fit", formula, "--vcov", "cluster:id"), message);
    }

    [Fact]
    public void SingularMomentCovarianceDropsItsStatisticsWithANote()
    {
        // Two clusters for four instruments (incl. the constant): S has rank <= 2, so Hansen J and the C test are undefined,
        // while the 2SLS estimate and its CR1 covariance are not.
        var r = Run("fit", "y ~ 1 | x ~ z1 + z2 + z3", "--vcov", "cluster:g", "--json");
        Assert.Equal(0, r.Exit);
        Assert.Contains("Hansen J not reported: the covariance of the instrument moments (S) is singular", r.Out);
        Assert.Contains("endogeneity (C) test not reported", r.Out);
        Assert.DoesNotContain("\"hansen_j\"", r.Out);
        Assert.DoesNotContain("NaN", r.Out);
        // Efficient GMM needs S^-1 for the estimate itself: a user error with the cause.
        AssertUserError(Run("fit", "y ~ 1 | x ~ z1 + z2 + z3", "--vcov", "cluster:g", "--estimator", "gmm2s"),
            "instrument moments (S) is singular", "fewer clusters than instruments");
    }

    [Theory]
    [InlineData("y ~ y", "a regressor")]
    [InlineData("y ~ x + y", "a regressor")]
    [InlineData("y ~ 1 | x ~ y", "an excluded instrument")]
    [InlineData("y ~ 1 | y ~ z1", "an endogenous regressor")]
    public void ResponseOnTheRightIsAnErrorNamingIt(string formula, string role) =>
        AssertUserError(Run("fit", formula), $"The response 'y' is also {role}", "Remove 'y'");

    [Theory]
    [InlineData("fit", "c ~ x")]
    [InlineData("fit", "zero ~ x", "--vcov", "hc1")]
    [InlineData("fit", "c ~ 1 | x ~ z1")]
    [InlineData("hausman", "c ~ x", "--panel", "id,t")]
    [InlineData("compare", "c ~ x", "--by", "g")]
    [InlineData("mediate", "--y", "c", "--x", "x", "--m", "m")]
    public void ConstantResponseIsAnError(params string[] args) =>
        AssertUserError(Run(args), "is constant in the estimation sample", "choose another response");

    /// <summary>With no more clusters (here Driscoll-Kraay periods) than excluded instruments, or with two-way clustering
    /// making S indefinite, the robust Anderson-Rubin statistic is degenerate (with G = L2 it equals G at every β0; it
    /// printed F = 1.8e15 and a set of hundreds of intervals, or F = -4.3): left out with a note, the fit kept.</summary>
    [Theory]
    [InlineData("dk:0", "t <= 2002")]
    [InlineData("cluster:id+t", "t <= 2002")]
    public void DegenerateRobustAndersonRubinIsLeftOutWithANote(string vcov, string filter)
    {
        var r = Run("fit", "y ~ 1 | id | x ~ z1 + z2 + z3", "--panel", "id,t", "--vcov", vcov, "--if", filter, "--json");
        Assert.Equal(0, r.Exit);
        Assert.Contains("The Anderson-Rubin test and confidence set not reported", r.Out);
        Assert.DoesNotContain("\"anderson_rubin\"", r.Out);
    }

    [Fact]
    public void ExactFitLeavesTAndPEmptyWithANote()
    {
        var table = Run("fit", "lin ~ x");
        Assert.Equal(0, table.Exit);
        Assert.Contains("The regressors fit lin exactly", table.Out);
        Assert.DoesNotContain("Infinity", table.Out);
        Assert.DoesNotContain("NaN", table.Out);
        Assert.Matches(@"\n\s+x \|\s+2\s+\S+\s+\.\s+\.", table.Out);
        var json = Run("fit", "lin ~ x", "--json");
        Assert.Contains("\"statistic\": null", json.Out.Replace("\"statistic\":null", "\"statistic\": null"));
    }

    [Fact]
    public void FixedEffectsWithOneUnitSaysWhatIsUndefined()
    {
        var r = Run("fit", "y ~ x", "--model", "fe", "--panel", "id,t", "--if", "id == 1");
        Assert.Equal(0, r.Exit);
        Assert.Contains("One unit of id in the sample", r.Out);
        Assert.DoesNotContain("f_u", r.Out);
        Assert.DoesNotContain("NaN", r.Out);
        Assert.DoesNotContain("Infinity", r.Out);
    }

    [Fact]
    public void TinySpreadNextToItsLevelIsNoted()
    {
        var r = Run("fit", "y ~ big");
        Assert.Equal(0, r.Exit);
        Assert.Contains("big varies little relative to its level (max |x| / sd = ", r.Out);
        Assert.Matches(@"keep only about [1-3] significant digits", r.Out);
        Assert.DoesNotContain("varies little", Run("fit", "y ~ x").Out);
    }

    [Theory]
    [InlineData(new[] { "--if", "id == 99" }, "the --if filter keeps no rows")]
    [InlineData(new[] { "--covariates", "x + zero" }, "Covariate 'zero' is constant or an exact combination")]
    [InlineData(new[] { "--covariates", "x + x2" }, "Covariate 'x2' is constant or an exact combination")]
    [InlineData(new[] { "--method", "radius", "--caliper", "1e-9" }, "No treated unit was matched (no control within the radius")]
    public void MatchDegenerateSamplesAreErrors(string[] extra, string message)
    {
        var args = new List<string> { "match", "--treat", "d", "--outcome", "y" };
        if (!extra.Contains("--covariates")) args.AddRange(["--covariates", "x + z1"]);
        if (extra.Contains("radius")) args.Add("--replace");
        args.AddRange(extra);
        AssertUserError(Run([.. args]), message);
    }

    [Fact]
    public void GroupPcaWithCollinearIndicatorsNotesThemAndRefusesANullComponent()
    {
        var r = Run("group", "--indicators", "x, x2, z1", "--id", "id", "--k", "2", "--pca", "auto");
        Assert.Equal(0, r.Exit);
        Assert.Contains("The indicators x, x2 are perfectly collinear across the units", r.Out);
        Assert.Contains("KMO and Bartlett's test: not defined", r.Out);
        Assert.DoesNotContain("NaN", r.Out);
        AssertUserError(Run("group", "--indicators", "x, x2, z1", "--id", "id", "--k", "2", "--pca", "3"),
            "Component 3 has eigenvalue 0: the indicators x, x2 are perfectly collinear", "Keep fewer components");
    }

    [Fact]
    public void TopsisWithConstantIndicatorsIsAnError() =>
        AssertUserError(Run("index", "--indicators", "c:+, zero:-", "--method", "equal", "--aggregation", "topsis"),
            "TOPSIS for 'index' (--indicators): every indicator with a non-zero weight is constant", "weighted_sum");

    /// <summary>The sweep: edges that once printed NaN/Infinity or failed inside a library now exit 0 with finite
    /// numbers (or explained blanks) or exit 2 with a message — never 3, never a bare NaN.</summary>
    [Theory]
    [InlineData("fit", "y ~ zero")]
    [InlineData("fit", "y ~ x + zero", "--vcov", "hc1")]
    [InlineData("fit", "y ~ x", "--if", "id == 1 & t < 2002")]
    [InlineData("fit", "y ~ x", "--vcov", "nw", "--panel", "id,t", "--if", "id == 1")]
    [InlineData("fit", "y ~ x", "--vcov", "dk", "--panel", "id,t", "--if", "t == 2000")]
    [InlineData("fit", "y ~ x", "--model", "re", "--panel", "id,t", "--if", "id == 1")]
    [InlineData("fit", "y ~ x", "--model", "be", "--panel", "id,t", "--if", "id <= 2")]
    [InlineData("fit", "y ~ x", "--model", "fgls", "--panel", "id,t", "--if", "id == 1")]
    [InlineData("fit", "y ~ x | id", "--vcov", "cluster:id", "--if", "id <= 2")]
    [InlineData("fit", "y ~ 1 | x ~ zero")]
    [InlineData("fit", "y ~ 1 | x ~ z1", "--vcov", "cluster:id+t")]
    [InlineData("hausman", "y ~ x", "--panel", "id,t", "--if", "id <= 2")]
    [InlineData("compare", "y ~ x", "--by", "g", "--if", "id == 1")]
    [InlineData("compare", "y ~ x", "--by", "g", "--test", "suest", "--if", "id == 1 | id == 4")]
    [InlineData("mediate", "--y", "y", "--x", "x", "--m", "zero")]
    [InlineData("group", "--indicators", "x, c", "--id", "id")]
    [InlineData("index", "--indicators", "x:+, c:+", "--method", "critic")]
    public void EdgesNeverLeakOrPrintBareNaN(params string[] args)
    {
        var r = Run(args);
        Assert.True(r.Exit is 0 or 2, $"exit {r.Exit}: {r.Err}");
        Assert.DoesNotContain("internal error", r.Err);
        Assert.DoesNotContain("NaN", r.Out);
        Assert.DoesNotContain("Infinity", r.Out.Replace("[-Infinity", "").Replace("Infinity]", ""));
    }
}
