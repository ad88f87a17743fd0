using Panelwise.Cli;
using Panelwise.Data;
using Panelwise.Methods.Indices;
using Xunit;

namespace Panelwise.Tests.Indices;

/// <summary>Bad specs and bad data fail with the exact message users see, before anything is written.</summary>
public sealed class SpecErrorTests
{
    private static readonly Frame Data = new(
    [
        CategoricalColumn.FromStrings("name", ["a", "b", "c"]),
        new NumericColumn("year", [1, 2, 3]),
        new NumericColumn("pcap", [1, double.NaN, 3]),
        new NumericColumn("hwy", [3, 2, 5]),
    ], "produc.csv");

    private static IndexSpec Spec(params IndicatorSpec[] indicators) =>
        new() { Root = new IndexNode { Name = "idx", Indicators = indicators } };

    private static string Fail(IndexSpec spec) => CliFlags.Message(Assert.Throws<SpecificationException>(() => IndexBuilder.Build(Data, spec)));

    [Fact]
    public void Missing_column_names_the_spec_line_and_the_data()
    {
        var message = Fail(Spec(new IndicatorSpec { Column = "hw", Origin = "spec.yaml line 7" }));
        Assert.Equal("Indicator column 'hw' (spec.yaml line 7) is not in produc.csv. Did you mean 'hwy'?", message);
    }

    [Fact]
    public void Text_indicator_is_rejected()
    {
        Assert.Equal("Indicator column 'name' holds text, not numbers: an indicator must be numeric; clean or recode it.",
            Fail(Spec(new IndicatorSpec { Column = "name" })));
    }

    [Fact]
    public void Missing_values_name_the_column_and_rows()
    {
        Assert.Equal("Indicator 'pcap' is missing in 1 row (data row 2): fill them, restrict the sample with --if, " +
                     "or use --missing interpolate (missing: interpolate) for within-unit linear interpolation.",
            Fail(Spec(new IndicatorSpec { Column = "pcap" }, new IndicatorSpec { Column = "hwy" })));
    }

    [Fact]
    public void Empty_dimension_is_rejected()
    {
        var spec = new IndexSpec { Root = new IndexNode { Name = "idx", Children = [new IndexNode { Name = "dim", Origin = "spec.yaml line 4" }] } };
        Assert.Equal("Dimension 'dim' (spec.yaml line 4) has no indicators and no sub-dimensions: add at least one or remove it.", Fail(spec));
    }

    [Fact]
    public void Cycle_is_rejected()
    {
        var children = new List<IndexNode>();
        var dim = new IndexNode { Name = "dim", Children = children };
        var root = new IndexNode { Name = "idx", Children = [dim] };
        children.Add(root);
        Assert.Equal("The index hierarchy has a cycle: idx -> dim -> idx. A dimension cannot contain itself.", Fail(new IndexSpec { Root = root }));
    }

    [Fact]
    public void Existing_column_name_is_rejected()
    {
        var spec = new IndexSpec { Root = new IndexNode { Name = "hwy", Indicators = [new IndicatorSpec { Column = "hwy" }] } };
        Assert.Equal("The index column 'hwy' already exists in produc.csv: give the node another name.", Fail(spec));
    }

    [Fact]
    public void Fixed_method_without_a_weight_is_rejected()
    {
        var spec = new IndexSpec { Root = new IndexNode { Name = "idx", Method = WeightingMethod.Fixed, Indicators = [new IndicatorSpec { Column = "hwy" }] } };
        Assert.Equal("'idx' uses fixed weights but 'hwy' has no weight: give it a weight, or use method equal, entropy or critic.", Fail(spec));
    }

    [Fact]
    public void Entropy_on_z_scores_is_rejected()
    {
        var spec = Spec(new IndicatorSpec { Column = "hwy" }, new IndicatorSpec { Column = "year" }) with
        { Normalisation = new NormalisationOptions { Method = NormalisationMethod.ZScore } };
        Assert.Equal("'idx' uses the entropy method, which needs non-negative normalised values, but z-score or base-year scaling produced negatives: " +
                     "use min-max (with a pooled or per-year reference) or ratio to max.", Fail(spec));
    }
}
