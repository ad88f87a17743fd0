using System.Globalization;
using Panelwise.Methods.Multiverse;
using Panelwise.Render.Tables;

namespace Panelwise.Render.Plots;

/// <summary>The words of a specification curve: its title, horizontal axis and the label of each indicator row.
/// <see cref="Plain"/> writes choices as given (the CLI's <c>--plot</c>); <see cref="For"/> as a study's tables show
/// them (labels, language).</summary>
public sealed record SpecificationCurveText(string Title, string Axis, Func<MultiverseDimension, string, string> Row)
{
    /// <summary>"y: erl", the choices as written, English title and axis.</summary>
    public static SpecificationCurveText Plain(MultiverseResult result) => new(
        "Specification curve: " + string.Join(", ", result.Estimates.Select(e => e.Term).Distinct(StringComparer.Ordinal)),
        MultiverseTableText.En.PlotAxis,
        (d, choice) => $"{d.Key()}: {choice}");

    /// <summary>Titles, dimensions and choices in <paramref name="options"/>' language and labels.</summary>
    public static SpecificationCurveText For(MultiverseResult result, RegressionTableOptions options)
    {
        var words = options.Text.Multiverse;
        string F(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
        return new(F(words.PlotTitle, MultiverseChoiceText.FocalTerms(result, options)), words.PlotAxis,
            (d, choice) => F(words.IndicatorRow, MultiverseChoiceText.Dimension(d, options.Text), MultiverseChoiceText.Choice(result, d, choice, options)));
    }
}
