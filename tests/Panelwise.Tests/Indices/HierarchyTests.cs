using Panelwise.Data;
using Panelwise.Methods.Indices;
using Xunit;

namespace Panelwise.Tests.Indices;

/// <summary>Multi-level indices: flat scope (seeds 000 and 003), hierarchical scope, TOPSIS and coupling nodes,
/// interpolation of gaps.</summary>
public sealed class HierarchyTests
{
    private static readonly Frame Data = new(
    [
        CategoricalColumn.FromStrings("unit", ["a", "a", "a", "b", "b", "b"]),
        new NumericColumn("year", [1, 2, 3, 1, 2, 3]),
        new NumericColumn("x1", [1, 2, 3, 4, 5, 6]),
        new NumericColumn("x2", [6, 1, 5, 2, 4, 3]),
        new NumericColumn("x3", [2, 2, 7, 1, 9, 4]),
        new NumericColumn("x4", [10, 30, 20, 40, 60, 50]),
    ]);

    private static IndicatorSpec Ind(string c, double? w = null, Direction d = Direction.Positive) => new() { Column = c, Weight = w, Direction = d };

    private static IndexNode TwoDimensions(WeightingMethod method, Aggregation aggregation = Aggregation.WeightedSum) => new()
    {
        Name = "idx", Method = method, Aggregation = aggregation,
        Children =
        [
            new IndexNode { Name = "dim1", Method = WeightingMethod.Entropy, Weight = 0.3, Indicators = [Ind("x1", 0.1), Ind("x2", 0.2, Direction.Negative)] },
            new IndexNode { Name = "dim2", Method = WeightingMethod.Entropy, Weight = 0.7, Indicators = [Ind("x3", 0.3), Ind("x4", 0.4)] },
        ],
    };

    [Fact]
    public void Flat_fixed_weights_make_dimension_scores_add_up_to_the_index()
    {
        var spec = new IndexSpec { Root = TwoDimensions(WeightingMethod.Fixed), Scope = WeightingScope.Flat };
        var result = IndexBuilder.Build(Data, spec);
        var idx = result.Data.Numeric("idx").Values;
        var d1 = result.Data.Numeric("dim1").Values;
        var d2 = result.Data.Numeric("dim2").Values;
        for (int i = 0; i < idx.Length; i++) Assert.Equal(idx[i], d1[i] + d2[i], 1e-12);
        // x1 min-max over the pooled sample is (i)/5; x2 negative: (6 - x2)/5; row 0: .1*0 + .2*0 = 0 for dim1.
        Assert.Equal(0.0, d1[0], 1e-12);
        Assert.Equal(0.1 * 1 + 0.2 * 0.6, d1[5], 1e-12);
        Assert.Equal(0.3, result.Weights.Single(w => w.Child == "dim1").Weight, 1e-12);
        Assert.Equal(["idx", "dim1", "dim2"], result.Columns);
    }

    [Fact]
    public void Hierarchical_scope_weights_each_level_and_reports_global_weights()
    {
        var result = IndexBuilder.Build(Data, new IndexSpec { Root = TwoDimensions(WeightingMethod.Fixed) });
        var idx = result.Data.Numeric("idx").Values;
        var d1 = result.Data.Numeric("dim1").Values;
        var d2 = result.Data.Numeric("dim2").Values;
        for (int i = 0; i < idx.Length; i++) Assert.Equal(0.3 * d1[i] + 0.7 * d2[i], idx[i], 1e-12);
        var x1 = result.Weights.Single(w => w.Child == "x1");
        Assert.Equal(0.3 * x1.Weight, x1.GlobalWeight, 1e-12);
        Assert.Equal(1.0, result.Weights.Where(w => w.IsIndicator).Sum(w => w.GlobalWeight), 1e-12);
        Assert.Equal(["dim1", "dim2", "x1", "x2", "x3", "x4"], result.Weights.Select(w => w.Child));
    }

    [Fact]
    public void Coupling_node_adds_degree_development_and_grade_columns()
    {
        var spec = new IndexSpec { Root = TwoDimensions(WeightingMethod.Equal, Aggregation.CouplingCoordination) };
        var result = IndexBuilder.Build(Data, spec);
        var c = CouplingCoordination.Compute([result.Data.Numeric("dim1").Values, result.Data.Numeric("dim2").Values]);
        Assert.Equal(c.Coordination, result.Data.Numeric("idx").Values);
        Assert.Equal(c.Coupling, result.Data.Numeric("idx_c").Values);
        var grade = (CategoricalColumn)result.Data["idx_grade"];
        Assert.Equal(CouplingCoordination.Grade(c.Coordination[4])!.Name, grade.ValueAt(4));
    }

    [Fact]
    public void Topsis_node_scores_are_the_closeness_of_its_children()
    {
        var node = new IndexNode { Name = "t", Method = WeightingMethod.Equal, Aggregation = Aggregation.Topsis, Indicators = [Ind("x1"), Ind("x4")] };
        var result = IndexBuilder.Build(Data, new IndexSpec { Root = node });
        double[] z1 = [0, .2, .4, .6, .8, 1], z4 = [0, 0.4, 0.2, 0.6, 1, 0.8];
        Assert.Equal(Topsis.Closeness([z1, z4], [0.5, 0.5]), result.Data.Numeric("t").Values);
    }

    [Fact]
    public void Fixed_weights_not_summing_to_one_are_renormalised_with_a_note()
    {
        var node = new IndexNode { Name = "f", Method = WeightingMethod.Fixed, Indicators = [Ind("x1", 2), Ind("x4", 2)] };
        var result = IndexBuilder.Build(Data, new IndexSpec { Root = node });
        Assert.All(result.Weights, w => Assert.Equal(0.5, w.Weight));
        Assert.Contains("The fixed weights of 'f' sum to 4, not 1: they were divided by it.", result.Notes.Select(n => n.Text));
    }

    [Fact]
    public void Weight_sum_in_the_note_reads_as_written_not_as_its_binary_neighbour()
    {
        // 0.05 + 0.119 is 0.16899999999999998 in binary floating point.
        var node = new IndexNode { Name = "f", Method = WeightingMethod.Fixed, Indicators = [Ind("x1", 0.05), Ind("x4", 0.119)] };
        var result = IndexBuilder.Build(Data, new IndexSpec { Root = node });
        Assert.Contains("The fixed weights of 'f' sum to 0.169, not 1: they were divided by it.", result.Notes.Select(n => n.Text));
    }

    [Fact]
    public void Interpolation_fills_interior_gaps_within_each_unit()
    {
        var gappy = Data.With(new NumericColumn("x1", [1, double.NaN, 3, 4, double.NaN, 8]));
        var spec = new IndexSpec
        {
            Root = new IndexNode { Name = "i", Method = WeightingMethod.Equal, Indicators = [Ind("x1"), Ind("x4")] },
            Missing = MissingValuePolicy.Interpolate, UnitColumn = "unit", TimeColumn = "year",
        };
        var result = IndexBuilder.Build(gappy, spec);
        var expected = IndexBuilder.Build(Data.With(new NumericColumn("x1", [1, 2, 3, 4, 6, 8])), spec with { Missing = MissingValuePolicy.Error });
        Assert.Equal(expected.Data.Numeric("i").Values, result.Data.Numeric("i").Values);
        Assert.Contains("'x1': 2 missing values filled by linear interpolation within unit.", result.Notes.Select(n => n.Text));
    }

    [Fact]
    public void Per_year_reference_normalises_within_each_year()
    {
        var spec = new IndexSpec
        {
            Root = new IndexNode { Name = "i", Method = WeightingMethod.Equal, Indicators = [Ind("x1")] },
            Normalisation = new NormalisationOptions { Reference = ReferenceFrame.PerYear }, TimeColumn = "year",
        };
        Assert.Equal([0.0, 0, 0, 1, 1, 1], IndexBuilder.Build(Data, spec).Data.Numeric("i").Values);
        var baseYear = spec with { Normalisation = new NormalisationOptions { Reference = ReferenceFrame.BaseYear, BaseYear = 1 } };
        Assert.Equal([0.0, 1.0 / 3, 2.0 / 3, 1, 4.0 / 3, 5.0 / 3], IndexBuilder.Build(Data, baseYear).Data.Numeric("i").Values);
    }
}
