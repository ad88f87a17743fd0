using Panelwise.Study;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>checks.md and the run's stdout say each distinct message once, with the columns it concerns.</summary>
public class StudyCheckGroupingTests
{
    private const string Few = "only 30 clusters (province): ...";

    [Fact]
    public void One_message_over_many_columns_is_one_line_with_column_runs()
    {
        var checks = new List<StudyCheck>
        {
            new("baseline", 1, null, "few_clusters", Few),
            new("baseline", 2, null, "few_clusters", Few),
            new("baseline", 3, null, "few_clusters", Few),
            new("baseline", 2, null, "collinear", "dropped x"),
            new("baseline", 5, null, "few_clusters", Few),
            new("mediation", 3, "Y ~ X + M", "few_clusters", Few),
        };
        var grouped = StudyChecks.Grouped(checks);
        Assert.Equal(2, grouped.Count);
        Assert.Equal(("baseline, columns (1)-(3), (5); mediation, column (3)", Few), grouped[0]);
        Assert.Equal(("baseline, column (2)", "dropped x"), grouped[1]);
        var md = StudyChecks.Markdown(checks);
        Assert.Contains("- **baseline, columns (1)-(3), (5); mediation, column (3)**: " + Few + "\n", md);
        Assert.Single(md.Split('\n'), line => line.Contains(Few, StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_check_keeps_its_column_title() =>
        Assert.Equal("mediation, column (3) 'Y ~ X + M'",
            StudyChecks.Grouped([new StudyCheck("mediation", 3, "Y ~ X + M", "few_clusters", Few)])[0].Where);
}
