namespace Panelwise.Methods.Grouping;

/// <summary>Output of <see cref="GroupAgreement.Compare"/>: the units cross-tabulated by their derived group and a
/// given classification, with the agreement under the best one-to-one matching of the two sets of labels.</summary>
/// <param name="Given">The given classification's column.</param>
/// <param name="DerivedLevels">The derived groups' labels, group 1 first.</param>
/// <param name="GivenLevels">The given classification's values present among the compared units (text in the
/// column's level order, numbers ascending).</param>
/// <param name="Counts">Counts[g][h]: units in derived group g and given level h.</param>
/// <param name="Matching">Matching[g]: the given level matched to derived group g, or -1 when there are more derived
/// groups than given levels and g is left unmatched. Maximises the units on the matched cells.</param>
/// <param name="Agreeing">Units on matched cells.</param>
/// <param name="Units">Units compared (those with a given value).</param>
/// <param name="LeftOut">Units without a value of the given column, left out.</param>
/// <param name="AdjustedRand">Hubert and Arabie's adjusted Rand index of the two partitions (1 identical, about 0 by
/// chance); NaN when undefined (both partitions put all units in one group, or each unit in its own).</param>
/// <param name="AgreeingAsLabelled">Units whose derived label equals their given value, when at least one derived label
/// is a given value (the labels were chosen to match); otherwise null.</param>
public sealed record GroupAgreementResult(
    string Given,
    IReadOnlyList<string> DerivedLevels,
    IReadOnlyList<string> GivenLevels,
    int[][] Counts,
    int[] Matching,
    int Agreeing,
    int Units,
    IReadOnlyList<string> LeftOut,
    double AdjustedRand,
    int? AgreeingAsLabelled)
{
    /// <summary>Share of the compared units on matched cells.</summary>
    public double Share => (double)Agreeing / Units;
}
