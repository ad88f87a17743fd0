using System.Globalization;
using Panelwise.Methods.Multiverse;

namespace Panelwise.Render.Tables;

/// <summary>How a study shows a multiverse's choices: each term of y, x, controls and fixed effects by its label
/// (a transformed variable as its label and the transformation, "人工智能嵌入程度（1%缩尾）", when the term has no label
/// of its own; other terms as written), <c>none</c> and <c>all</c> in the table's language, a covariance as the
/// table's standard-error note words it, a sample filter as written.</summary>
public static class MultiverseChoiceText
{
    public static string Dimension(MultiverseDimension dimension, TableText text) => dimension switch
    {
        MultiverseDimension.Outcome => text.Multiverse.Outcome,
        MultiverseDimension.Focal => text.Multiverse.Focal,
        MultiverseDimension.Instruments => text.Multiverse.Instruments,
        MultiverseDimension.Controls => text.Multiverse.Controls,
        MultiverseDimension.FixedEffects => text.Multiverse.FixedEffects,
        MultiverseDimension.Vcov => text.Multiverse.Vcov,
        _ => text.Multiverse.Sample,
    };

    public static string Choice(MultiverseResult result, MultiverseDimension dimension, string choice, RegressionTableOptions options)
    {
        var words = options.Text.Multiverse;
        if (dimension == MultiverseDimension.Sample) return Specification.IsEmpty(choice) ? words.All : choice;
        if (dimension == MultiverseDimension.Vcov)
            return result.Vcovs.TryGetValue(choice, out var vcov) ? CovarianceNote.Describe(vcov, options) : choice;
        if (Specification.IsEmpty(choice)) return words.None;
        return string.Join(words.TermSeparator, Specification.TermsOf(choice).Select(t => Term(t, options)));
    }

    /// <summary>The focal terms of <paramref name="result"/> as shown, in order of first use.</summary>
    public static string FocalTerms(MultiverseResult result, RegressionTableOptions options) =>
        string.Join(options.Text.ListSeparator, result.Estimates.Select(e => e.Term).Distinct(StringComparer.Ordinal).Select(t => Term(t, options)));

    private static string Term(string term, RegressionTableOptions options)
    {
        if (options.Labels.TryGetValue(term, out var label)) return label;
        if (RowIdentity.Transformation(term) is { } t && options.Labels.TryGetValue(t.Variable, out var variable))
            return string.Format(CultureInfo.InvariantCulture, options.Text.Multiverse.Transformed, variable, RowIdentity.Describe(term, options.Text));
        return term;
    }
}
