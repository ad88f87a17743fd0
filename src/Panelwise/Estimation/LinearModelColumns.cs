namespace Panelwise.Estimation;

/// <summary>One model among several fitted on shared columns (<see cref="LinearEstimator.FitEach"/>): indices into the
/// shared problem's columns [response, regressors...], the regressors in the model's own order (which decides which of
/// two collinear columns is dropped).</summary>
/// <param name="Response">The column of the model's response.</param>
/// <param name="Regressors">The columns of its regressors, in formula order.</param>
/// <param name="Formula">The model's formula, for its fit.</param>
public sealed record LinearModelColumns(int Response, IReadOnlyList<int> Regressors, string Formula);
