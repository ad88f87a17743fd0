using System.Runtime.CompilerServices;
using Panelwise.Data;
using Panelwise.Formula;

namespace Panelwise.Design;

/// <summary>Term evaluation on the whole frame and expansion into sample columns.</summary>
internal sealed partial class DesignAssembly
{
    private TermValues Evaluate(Term term)
    {
        switch (term)
        {
            case ExpressionTerm e:
                return new TermValues { Term = term, Values = _evaluator.Evaluate(e.Expression) };
            case InteractionTerm interaction:
                var product = (double[])_evaluator.Evaluate(interaction.Factors[0].Expression).Clone();
                for (int f = 1; f < interaction.Factors.Count; f++)
                {
                    var factor = _evaluator.Evaluate(interaction.Factors[f].Expression);
                    for (int i = 0; i < product.Length; i++) product[i] *= factor[i];
                }
                return new TermValues { Term = term, Values = product };
            case FactorTerm factorTerm:
                var (codes, levels) = Factorizer.FactorizeWithLevels(_frame[factorTerm.Variable]);
                if (factorTerm.Reference is { } reference && Array.IndexOf(levels, reference) < 0)
                    throw DataException.UnknownLevel(_frame.Source, factorTerm.Variable, reference, levels);
                var slope = factorTerm.Slope is null ? null : _evaluator.Evaluate(factorTerm.Slope.Expression);
                return new TermValues { Term = term, Codes = codes, Levels = levels, Slope = slope };
            default:
                throw new ArgumentException($"Unsupported term {term.GetType().Name}.", nameof(term));
        }
    }

    private (int[] Codes, int Levels) FactorCodes(IReadOnlyList<string> variables)
    {
        var combined = Factor(variables[0]);
        for (int v = 1; v < variables.Count; v++)
        {
            var next = Factor(variables[v]);
            combined = Factorizer.Interact(combined.Codes, combined.Levels, next.Codes, next.Levels);
        }
        return combined;
    }

    private (int[] Codes, int Levels) Factor(string variable)
    {
        if (!_factors.TryGetValue(variable, out var factor))
            _factors[variable] = factor = Factorizer.Factorize(_frame[variable]);
        return factor;
    }

    /// <summary>Sample columns in term order; i() contributes one column per level present in the sample,
    /// leaving out the reference (given, or the lowest present level when there is no slope).</summary>
    private (List<string> Names, List<double[]> Columns, List<int> TermOf) Columns(List<TermValues> terms, int[] rows)
    {
        var names = new List<string>();
        var columns = new List<double[]>();
        var termOf = new List<int>();
        // Plain columns are gathered in parallel first (each is a long copy); i() dummies keep their place in order.
        var gathered = new double[]?[terms.Count];
        Parallel.For(0, terms.Count, t =>
        {
            if (terms[t].Values is { } values) gathered[t] = Gather(values, rows);
        });
        for (int t = 0; t < terms.Count; t++)
        {
            var term = terms[t];
            if (gathered[t] is { } column)
            {
                names.Add(term.Term.Name);
                columns.Add(column);
            }
            else AddDummies((FactorTerm)term.Term, term, rows, names, columns);
            while (termOf.Count < columns.Count) termOf.Add(t);
        }
        return (names, columns, termOf);
    }

    private static void AddDummies(FactorTerm factor, TermValues term, int[] rows, List<string> names, List<double[]> columns)
    {
        var codes = term.Codes!;
        var present = new bool[term.Levels.Length];
        foreach (int row in rows) present[codes[row]] = true;
        int reference = factor.Reference is { } r ? Array.IndexOf(term.Levels, r)
            : factor.Slope is null ? Array.IndexOf(present, true) : -1;
        var target = new int[term.Levels.Length];
        var dummies = new List<double[]>();
        for (int level = 0; level < target.Length; level++)
        {
            target[level] = -1;
            if (!present[level] || level == reference) continue;
            target[level] = dummies.Count;
            dummies.Add(new double[rows.Length]);
            names.Add(factor.LevelName(term.Levels[level]));
        }
        var slope = term.Slope;
        for (int j = 0; j < rows.Length; j++)
        {
            int k = target[codes[rows[j]]];
            if (k >= 0) dummies[k][j] = slope is null ? 1 : slope[rows[j]];
        }
        columns.AddRange(dummies);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] Gather(double[] values, int[] rows)
    {
        if (rows.Length == values.Length && _shared is not null && !_shared.Contains(values)) return values;
        // Every row kept (the common case on clean data): a block copy instead of an indexed gather.
        if (rows.Length == values.Length) return (double[])values.Clone();
        var result = new double[rows.Length];
        for (int j = 0; j < rows.Length; j++) result[j] = values[rows[j]];
        return result;
    }

    /// <summary>Codes renumbered in order of first appearance in the sample, so every level occurs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static FactorVariable Compact(string name, int[] codes, int levels, int[] rows)
    {
        // Every row kept: the factorizer's codes already cover every level; share them (codes are never modified).
        if (rows.Length == codes.Length) return new FactorVariable(name, codes, levels);
        var map = new int[levels];
        Array.Fill(map, -1);
        var result = new int[rows.Length];
        int next = 0;
        for (int j = 0; j < rows.Length; j++)
        {
            int code = codes[rows[j]];
            if (map[code] < 0) map[code] = next++;
            result[j] = map[code];
        }
        return new FactorVariable(name, result, next);
    }
}
