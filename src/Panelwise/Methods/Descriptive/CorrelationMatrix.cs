namespace Panelwise.Methods.Descriptive;

/// <summary>Pairwise Pearson correlations with their two-sided p-values and pair counts, indexed [i, j] in the
/// order of <see cref="Variables"/> (Stata's <c>pwcorr, sig obs</c>).</summary>
public sealed record CorrelationMatrix(IReadOnlyList<string> Variables, double[,] R, double[,] PValue, int[,] Pairs);
