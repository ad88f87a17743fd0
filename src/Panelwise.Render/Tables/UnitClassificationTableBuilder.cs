using System.Globalization;
using Panelwise.Methods.Grouping;

namespace Panelwise.Render.Tables;

/// <summary>The tables of a unit classification as a study writes them, in the study's language (<see cref="TableText"/>):
/// the factor table (loadings and MSA of each indicator on the retained principal components, their eigenvalues and
/// explained and cumulative variance; KMO and Bartlett in the notes), the membership table (each unit's group, groups
/// in order) and the agreement table (units by derived group and a given classification). Only formats: every number
/// is a property of the grouping or agreement result.</summary>
public static class UnitClassificationTableBuilder
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="pca">The principal components the units were clustered on.</param>
    /// <param name="units">Number of units.</param>
    /// <param name="fixedComponents">Whether the number of components was set (pca: N) rather than by eigenvalue &gt; 1.</param>
    /// <param name="variable">The classification's column, named in the title.</param>
    /// <param name="unit">The unit identifier, named in the title.</param>
    /// <param name="text">The fixed texts in the study's language.</param>
    /// <param name="labels">Display labels of variables (the indicators, <paramref name="variable"/>, <paramref name="unit"/>).</param>
    public static TableModel Factors(PrincipalComponentsResult pca, int units, bool fixedComponents, string variable, string unit,
        TableText text, IReadOnlyDictionary<string, string> labels)
    {
        int kept = pca.Scores.Length;
        var components = Enumerable.Range(0, kept).ToList();
        var notes = new List<string>
        {
            string.Format(Inv, text.Retained, kept, pca.Eigenvalues.Length, fixedComponents ? text.FixedComponents : text.KaiserRule,
                string.Join(text.ListSeparator, pca.Eigenvalues.Select(l => l.ToString("F4", Inv)))),
            double.IsFinite(pca.Kmo)
                ? string.Format(Inv, text.KmoBartlett, pca.Kmo.ToString("F4", Inv), pca.Bartlett.DegreesOfFreedom,
                    pca.Bartlett.ChiSquare.ToString("F4", Inv), pca.Bartlett.PValue.ToString("G4", Inv))
                : string.Format(Inv, text.KmoUndefined, string.Join(text.ListSeparator, pca.CollinearIndicators.Select(i => Label(labels, i)))),
        };
        if (pca.Kmo < 0.5) notes.Add(string.Format(Inv, text.LowKmo, pca.Kmo.ToString("F3", Inv)));
        return new TableModel
        {
            Title = string.Format(Inv, text.FactorTitle, Label(labels, variable), units, Label(labels, unit)),
            StubHeader = text.Indicator,
            HeaderRows = [[.. components.Select(k => string.Format(Inv, text.Component, k + 1)), text.Msa]],
            Groups =
            [
                new RowGroup([.. pca.Variables.Select((v, j) => new TableRow(Label(labels, v), [.. pca.Loadings[j].Select(F), F(pca.KmoByVariable[j])]))]),
                new RowGroup(
                [
                    new TableRow(text.Eigenvalue, [.. components.Select(k => F(pca.Eigenvalues[k])), TableCell.Empty]),
                    new TableRow(text.Explained, [.. components.Select(k => Pct(pca.ExplainedVariance[k])), TableCell.Empty]),
                    new TableRow(text.Cumulative, [.. components.Select(k => Pct(pca.CumulativeVariance[k])), TableCell.Empty]),
                ]),
            ],
            Notes = notes,
        }.Validated();
    }

    /// <summary>One row per unit, group 1's units first (in the order of the data within a group), with the group
    /// number and label; the notes say how the groups were formed.</summary>
    public static TableModel Membership(UnitGroupingResult result, UnitGroupingOptions options, string variable, string unit,
        TableText text, IReadOnlyDictionary<string, string> labels)
    {
        var notes = new List<string> { string.Format(Inv, text.UnitMeans, result.Units.Count) };
        if (result.Pca is { } pca)
            notes.Add(string.Format(Inv, text.PcaScores, pca.Scores.Length, Pct(pca.CumulativeVariance[pca.Scores.Length - 1]).Text));
        notes.Add(options.Method == ClusteringMethod.KMeans ? string.Format(Inv, text.KMeans, options.Seed) : text.Ward);
        notes.Add(text.Numbering);
        var rows = Enumerable.Range(0, result.Levels.Count)
            .SelectMany(g => result.UnitsOf(g).Select(u => new TableRow(u, [(g + 1).ToString(Inv), result.Levels[g]])));
        return new TableModel
        {
            Title = string.Format(Inv, text.MembershipTitle, Label(labels, variable), Label(labels, unit), result.Units.Count),
            StubHeader = Label(labels, unit),
            HeaderRows = [[text.Group, text.Label]],
            Groups = [new RowGroup([.. rows])],
            Notes = notes,
        }.Validated();
    }

    /// <summary>Units by derived group (rows) and given group (columns) with totals; the notes give the agreement under
    /// the best matching of labels, the adjusted Rand index, the agreement as labelled and the units left out.</summary>
    public static TableModel Agreement(GroupAgreementResult agreement, string variable, TableText text, IReadOnlyDictionary<string, string> labels)
    {
        var (counts, levels) = (agreement.Counts, agreement.GivenLevels);
        string given = Label(labels, agreement.Given);
        var rows = agreement.DerivedLevels.Select((d, g) => new TableRow($"{g + 1} {d}",
            [.. counts[g].Select(c => (TableCell)c.ToString(Inv)), counts[g].Sum().ToString(Inv)])).ToList();
        rows.Add(new TableRow(text.Total,
            [.. levels.Select((_, h) => (TableCell)counts.Sum(c => c[h]).ToString(Inv)), agreement.Units.ToString(Inv)]));
        var matched = agreement.Matching.Select((h, g) => h < 0 ? null : $"{g + 1} {agreement.DerivedLevels[g]} = {levels[h]}").OfType<string>();
        var notes = new List<string>
        {
            string.Format(Inv, text.Agreement, agreement.Agreeing, agreement.Units, Pct(agreement.Share).Text,
                string.Join(text.ListSeparator, matched),
                double.IsFinite(agreement.AdjustedRand) ? agreement.AdjustedRand.ToString("F4", Inv) : text.NotDefined),
        };
        if (agreement.AgreeingAsLabelled is int labelled)
            notes.Add(string.Format(Inv, text.AgreementAsLabelled, labelled, agreement.Units, Pct((double)labelled / agreement.Units).Text));
        if (agreement.LeftOut.Count > 0)
            notes.Add(string.Format(Inv, text.AgreementLeftOut, agreement.LeftOut.Count, given, string.Join(text.ListSeparator, agreement.LeftOut)));
        return new TableModel
        {
            Title = string.Format(Inv, text.AgreementTitle, Label(labels, variable), given),
            StubHeader = Label(labels, variable),
            HeaderRows = [[.. levels, text.Total]],
            Groups = [new RowGroup(rows)],
            Notes = notes,
        }.Validated();
    }

    private static string Label(IReadOnlyDictionary<string, string> labels, string name) => labels.GetValueOrDefault(name, name);

    private static TableCell F(double v) => double.IsFinite(v) ? v.ToString("F4", Inv) : "";

    private static TableCell Pct(double v) => (100 * v).ToString("F2", Inv) + "%";
}
