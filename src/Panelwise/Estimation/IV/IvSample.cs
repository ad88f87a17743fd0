using MathNet.Numerics.LinearAlgebra;
using Panelwise.Absorb;

namespace Panelwise.Estimation.IV;

/// <summary>An IV estimation sample ready for algebra: fixed effects absorbed (no means added back: the constant is
/// absorbed too, as xtivreg2 fe), collinear columns dropped, and the included exogenous regressors W partialled out
/// of y, X1 and Z1 for the identification tests (Frisch-Waugh-Lovell, as ivreg2's partial()).
/// X = [X1 W] (K = K1 + K2 columns), Z = [Z1 W] (L = L2 + K2). DofMinus = levels absorbed by the fixed effects
/// (xtivreg2 passes dofminus(N_g)).</summary>
internal sealed class IvSample
{
    public required int N { get; init; }
    public required double[] Y { get => Touch(_y); init => _y = value; }
    public required Matrix<double> X1 { get => Touch(_x1); init => _x1 = value; }
    public required Matrix<double> W { get => Touch(_w); init => _w = value; }
    public required Matrix<double> Z1 { get => Touch(_z1); init => _z1 = value; }
    public required IReadOnlyList<string> EndogenousNames { get; init; }

    /// <summary>Included exogenous names in formula order, "_cons" last when the model has a constant.</summary>
    public required IReadOnlyList<string> ExogenousNames { get; init; }
    public required IReadOnlyList<string> InstrumentNames { get; init; }
    public required IReadOnlyList<string> DroppedTerms { get; init; }
    public required int DofMinus { get; init; }
    public required bool Intercept { get; init; }
    public required IReadOnlyList<FixedEffect> FixedEffects { get; init; }
    public required IReadOnlyList<FixedEffect> Clusters { get; init; }

    /// <summary>Unit and period of each observation when the panel is declared (Newey-West, Driscoll-Kraay); null otherwise.</summary>
    public PanelCodes? Panel { get; init; }
    public required double Tss { get; init; }
    public required double TssWithin { get; init; }
    public required SolveReport? AbsorbReport { get; init; }
    public required List<string> Notes { get; init; }

    /// <summary>Power-of-two factor each regressor was multiplied by (see LinearFit.Scales); null when all are 1.</summary>
    public IReadOnlyDictionary<string, double>? Scales { get; init; }
    public required string Formula { get; init; }
    public required string ResponseName { get; init; }

    public int K1 => _x1.ColumnCount;
    public int K2 => _w.ColumnCount;
    public int L2 => _z1.ColumnCount;
    public int K => K1 + K2;
    public int L => L2 + K2;

    public Matrix<double> X => Dense.Beside(X1, W);
    public Matrix<double> Z => Dense.Beside(Z1, W);
    public Matrix<double> YColumn => Dense.Column(Y);

    /// <summary>How many times an n-row array of this sample was handed out (each use is at least one pass over the
    /// rows; the derived X, Z, tilde matrices count through the fields they read). Tests bound it so that no statistic
    /// refits over the rows inside a search (issue 14).</summary>
    public int RowAccesses => _rowAccesses;

    private int _rowAccesses;
    private readonly double[] _y = [];
    private readonly Matrix<double> _x1 = Empty, _w = Empty, _z1 = Empty;

    private static Matrix<double> Empty => Matrix<double>.Build.Dense(0, 0);

    private T Touch<T>(T rows)
    {
        Interlocked.Increment(ref _rowAccesses);
        return rows;
    }

    private Matrix<double>? _x1Tilde, _z1Tilde, _yTilde;

    /// <summary>M_W X1.</summary>
    public Matrix<double> X1Tilde => Touch(_x1Tilde ??= Dense.Residualize(W, X1));

    /// <summary>M_W Z1.</summary>
    public Matrix<double> Z1Tilde => Touch(_z1Tilde ??= Dense.Residualize(W, Z1));

    /// <summary>M_W y as an n x 1 matrix.</summary>
    public Matrix<double> YTilde => Touch(_yTilde ??= Dense.Residualize(W, YColumn));

    /// <summary>Terms in reporting order: endogenous, exogenous, _cons (ivreg2's order).</summary>
    public IReadOnlyList<string> Terms => [.. EndogenousNames, .. ExogenousNames];
}
