using Panelwise.Formula;

namespace Panelwise.Design;

/// <summary>Sample patterns, for fitting several models on one design: which rows each term would drop.</summary>
internal sealed partial class DesignAssembly
{
    /// <summary>The rows every model of the request's fixed effects, clusters, weights and filter can use at most
    /// (<see cref="SamplePatterns.Candidates"/>), and for each term of the request's model (response, then regressors)
    /// the candidate rows where it is missing, evaluated on the whole frame as <see cref="Build"/> evaluates it (a
    /// winsor() cut has its operand's missing values). A model's sample is the candidates less its terms' missing
    /// rows; trim(), whose missing values depend on that sample, is not covered.</summary>
    public SamplePatterns Patterns()
    {
        CheckColumns();
        var (keep, _) = FilterRows([]);
        foreach (var fe in _spec.FixedEffects) DropMissing(keep, fe.Name, FactorCodes(fe.Variables).Codes);
        foreach (var c in _request.ClusterVariables) DropMissing(keep, c, FactorCodes(c.Split('^')).Codes);
        if (_request.Weights is not null) DropMissing(keep, _request.Weights, _frame.Numeric(_request.Weights).Values);
        var terms = new List<Term> { _spec.Response };
        terms.AddRange(_spec.Regressors);
        var missing = new bool[]?[terms.Count];
        for (int t = 0; t < terms.Count; t++)
        {
            var values = Evaluate(terms[t]);
            var rows = (bool[])keep.Clone();
            DropMissing(rows, values);
            if (rows.AsSpan().Count(true) == keep.AsSpan().Count(true)) continue;
            for (int i = 0; i < rows.Length; i++) rows[i] = keep[i] && !rows[i];
            missing[t] = rows;
        }
        return new SamplePatterns(keep, missing);
    }
}

/// <summary>See <see cref="DesignAssembly.Patterns"/>.</summary>
/// <param name="Candidates">Rows passing the filter with fixed effects, clusters and weights present.</param>
/// <param name="MissingRows">Per term (response, then regressors): the candidate rows where it is missing, or null for none.</param>
internal sealed record SamplePatterns(bool[] Candidates, IReadOnlyList<bool[]?> MissingRows);
