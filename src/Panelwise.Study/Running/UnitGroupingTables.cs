using Panelwise.Render.Tables;

namespace Panelwise.Study;

/// <summary>The tables of a <c>classify_units</c> variable, written after the study's own tables and like them (CSV,
/// Excel, Word, HTML, three-line): with PCA, the factor table <c>NAME_factors</c> (loadings and MSA of each indicator,
/// eigenvalue, explained and cumulative variance of the retained components; KMO and Bartlett in the notes); always
/// the membership table <c>NAME_groups</c> (each unit's group and label; how the groups were formed in the notes); and
/// for each <c>compare_with</c> column the agreement table <c>NAME_vs_COLUMN</c>. In the study's language.</summary>
internal static class UnitGroupingTables
{
    public static IEnumerable<TableResult> For(UnitGroupingReport report, TableText text, IReadOnlyDictionary<string, string> labels)
    {
        var result = report.Result;
        if (result.Pca is { } pca)
            yield return new TableResult
            {
                Name = FactorTable(report.Variable),
                Classification = report.Variable,
                Table = UnitClassificationTableBuilder.Factors(pca, result.Units.Count, report.Options.Components is not null,
                    report.Variable, report.Unit, text, labels),
            };
        yield return new TableResult
        {
            Name = MembershipTable(report.Variable),
            Classification = report.Variable,
            Table = UnitClassificationTableBuilder.Membership(result, report.Options, report.Variable, report.Unit, text, labels),
        };
        foreach (var agreement in report.Agreements)
            yield return new TableResult
            {
                Name = AgreementTable(report.Variable, agreement.Given),
                Classification = report.Variable,
                Table = UnitClassificationTableBuilder.Agreement(agreement, report.Variable, text, labels),
            };
    }

    public static string FactorTable(string variable) => variable + "_factors";

    public static string MembershipTable(string variable) => variable + "_groups";

    public static string AgreementTable(string variable, string given) => $"{variable}_vs_{given}";
}
