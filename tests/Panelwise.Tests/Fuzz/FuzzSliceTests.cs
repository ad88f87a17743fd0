using Xunit;
using Xunit.Abstractions;

namespace Panelwise.Tests.Fuzz;

/// <summary>
/// The CI slice of the fuzzing campaign (issue 15, item 5): fixed seeds of each generator through the CLI in-process,
/// each input checked by <see cref="FuzzOracle"/> (exit 0 with finite numbers, or exit 2 with a located user error,
/// never an internal error, a leaked library message or an escaping exception). About 3 s on two cores. A failure prints
/// every violating input with its replay line; the long run is bench/fuzz (README there).
/// </summary>
public class FuzzSliceTests(ITestOutputHelper output)
{
    /// <summary>Seeds 0..count-1 per generator: enough to reach every command and mutation kind, small enough for CI.</summary>
    public static TheoryData<string, int> Slices => new()
    {
        { "formula", 60 }, { "filter", 100 }, { "csv", 50 }, { "options", 60 }, { "study", 6 },
    };

    [Theory]
    [MemberData(nameof(Slices))]
    public void Generator_keeps_the_invariant(string generator, int count)
    {
        var campaign = FuzzCampaign.Run(new Dictionary<string, int> { [generator] = count }, first: 0, threads: 2);
        output.WriteLine(campaign.Report());
        Assert.Equal(count, campaign.Total);
        Assert.True(campaign.Findings.IsEmpty, campaign.Report());
    }

    /// <summary>One input of each class found and fixed on this branch, replayed from its seed: command-line parse
    /// errors (exit 1 with System.* type names before), hausman's NaN for a negative diag(V_b-V_B), an unbounded
    /// Anderson-Rubin set printed as Infinity, --out naming a folder or empty (internal errors), messages that named no
    /// place (IV with every endogenous regressor dropped, PCA count, perfect separation, a treatment that does not vary);
    /// run 3000000: an empty --out (internal error), --vcov "", the overflow message of y, random effects with only an
    /// intercept (NaN), no regressor and no intercept, --drop-outliers 1e309, huge values with i(region) (non-finite
    /// JSON), Driscoll-Kraay with one period; run 4000000: a response the fixed effects absorb exactly (within R2 -Infinity),
    /// a new column named NaN (the oracle now leaves chosen names out).</summary>
    [Theory]
    [InlineData("options", 20)]
    [InlineData("options", 105)]
    [InlineData("formula", 1000074)]
    [InlineData("options", 1000066)]
    [InlineData("options", 1000088)]
    [InlineData("options", 135)]
    [InlineData("csv", 154)]
    [InlineData("filter", 2000080)]
    [InlineData("filter", 2000281)]
    [InlineData("formula", 2000009)]
    [InlineData("filter", 2000018)]
    [InlineData("options", 2001051)]
    [InlineData("options", 2001031)]
    [InlineData("options", 3000021)]
    [InlineData("options", 3000929)]
    [InlineData("csv", 3001501)]
    [InlineData("formula", 3007116)]
    [InlineData("formula", 3003553)]
    [InlineData("options", 3003471)]
    [InlineData("csv", 3015846)]
    [InlineData("formula", 3003938)]
    [InlineData("formula", 4000164)]
    [InlineData("options", 4002035)]
    [InlineData("options", 5020081)]
    [InlineData("formula", 5006564)]
    [InlineData("options", 5013654)]
    [InlineData("study", 5001534)]
    [InlineData("formula", 6025181)]
    [InlineData("formula", 7017657)]
    [InlineData("formula", 8002408)]
    [InlineData("formula", 8009227)]
    public void Fixed_input_keeps_the_invariant(string generator, int seed)
    {
        var verdict = FuzzOracle.Run(FuzzGenerators.Create(generator, seed));
        Assert.True(verdict.Ok, verdict.Describe());
    }

    [Fact]
    public void Every_generator_replays_its_input_from_the_seed()
    {
        foreach (string generator in FuzzGenerators.Names)
            Assert.Equal(FuzzGenerators.Create(generator, 7).Describe(), FuzzGenerators.Create(generator, 7).Describe());
    }

    [Fact]
    public void Oracle_accepts_a_good_fit_and_a_located_error_and_flags_the_rest()
    {
        var good = Input("fit", FuzzInput.DirToken + "/data.csv", "y ~ x1 + x2", "--json");
        Assert.True(FuzzOracle.Run(good).Ok);
        var unknown = Input("fit", FuzzInput.DirToken + "/data.csv", "y ~ nope");
        var verdict = FuzzOracle.Run(unknown);
        Assert.True(verdict.Ok && verdict.Exit == 2, verdict.Describe());

        Assert.True(FuzzOracle.NamesAPlace(unknown, "Column 'nope' is not in the data."));
        Assert.True(FuzzOracle.NamesAPlace(unknown, "data.csv, row 3: not a number."));
        Assert.True(FuzzOracle.NamesAPlace(good, "--vcov: unknown type."));
        Assert.False(FuzzOracle.NamesAPlace(good, "The caliper must be positive."));
        Assert.False(FuzzOracle.NamesAPlace(good, "Column 'zz' is not in the data."));

        // A factor level named "∞" in the data is a label, not a number; a non-finite statistic is still caught.
        Assert.False(FuzzOracle.HasNonFinite("     region::∞ |  0.06227333   0.4210225"));
        Assert.False(FuzzOracle.HasNonFinite("\"term\": \"region::NaN\","));
        Assert.True(FuzzOracle.HasNonFinite("     region::∞ |  NaN   0.4210225"));
        Assert.True(FuzzOracle.HasNonFinite("R2 within = NaN"));
        Assert.False(FuzzOracle.HasNonFinite(FuzzOracle.WithoutChosenNames(["index", "d.csv", "--name", "NaN"], "Columns added: NaN")));
        Assert.True(FuzzOracle.HasNonFinite(FuzzOracle.WithoutChosenNames(["index", "d.csv", "--name", "idx"], "Columns added: idx NaN")));
    }

    private static FuzzInput Input(params string[] args)
    {
        var data = FuzzData.Create(new Random(1)).ToCsv();
        return new FuzzInput("manual", 0, args, new Dictionary<string, byte[]> { ["data.csv"] = System.Text.Encoding.UTF8.GetBytes(data) }, []);
    }
}
