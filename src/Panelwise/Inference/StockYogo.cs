
namespace Panelwise.Inference;

/// <summary>Stock and Yogo (2005, "Testing for Weak Instruments in Linear IV Regression", in Andrews and Stock (eds.),
/// Identification and Inference for Econometric Models, Table 5.2) critical values for the Cragg-Donald F statistic:
/// 2SLS maximal size of a nominal 5% Wald test of 10%, 15%, 20% and 25%, for K1 = 1, 2 endogenous regressors and
/// L2 = 1..10 excluded instruments (K1 = 2 needs L2 ≥ 2). Transcribed from the table ivreg2 uses (its cdsy program);
/// the 20% and 25% columns were checked against that source, the 10% and 15% against two independent transcriptions.
/// Tables for L2 above 10, for K1 = 3 and for LIML size and relative bias are not included.</summary>
public static class StockYogo
{
    private const string Source = "Stock and Yogo (2005), Table 5.2 (2SLS size); compare with the Cragg-Donald F (or, as ivreg2 does with care, the KP rk Wald F)";

    // Rows L2 = 1..10; columns 10%, 15%, 20%, 25% maximal size.
    private static readonly double[,] OneEndogenous =
    {
        { 16.38, 8.96, 6.66, 5.53 },
        { 19.93, 11.59, 8.75, 7.25 },
        { 22.30, 12.83, 9.54, 7.80 },
        { 24.58, 13.96, 10.26, 8.31 },
        { 26.87, 15.09, 10.98, 8.84 },
        { 29.18, 16.23, 11.72, 9.38 },
        { 31.50, 17.38, 12.48, 9.93 },
        { 33.84, 18.54, 13.24, 10.50 },
        { 36.19, 19.71, 14.01, 11.07 },
        { 38.54, 20.88, 14.78, 11.65 },
    };

    // Rows L2 = 2..10.
    private static readonly double[,] TwoEndogenous =
    {
        { 7.03, 4.58, 3.95, 3.63 },
        { 13.43, 8.18, 6.40, 5.45 },
        { 16.87, 9.93, 7.54, 6.28 },
        { 19.45, 11.22, 8.38, 6.89 },
        { 21.68, 12.33, 9.10, 7.42 },
        { 23.72, 13.34, 9.77, 7.91 },
        { 25.64, 14.31, 10.41, 8.39 },
        { 27.51, 15.24, 11.03, 8.85 },
        { 29.32, 16.16, 11.65, 9.31 },
    };

    /// <summary>The critical values for K1 endogenous regressors and L2 excluded instruments, or null when not tabulated here.</summary>
    public static StockYogoValues? TwoStageSize(int k1, int l2)
    {
        double[,]? table = k1 switch { 1 => OneEndogenous, 2 => TwoEndogenous, _ => null };
        if (table is null) return null;
        int row = l2 - k1;
        if (row < 0 || row >= table.GetLength(0)) return null;
        return new StockYogoValues(table[row, 0], table[row, 1], table[row, 2], table[row, 3], Source);
    }
}
