using Panelwise.Methods.Descriptive;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;

namespace Panelwise.Render.Terminal;

/// <summary>The describe command's text report: the summary table, then (when computed) the correlations and the
/// variance inflation factors, each drawn by <see cref="TextTableWriter"/> and separated by a blank line.</summary>
public static class DescriptiveText
{
    public static string Write(int rows, IReadOnlyList<VariableSummary> summaries, CorrelationMatrix? correlations,
        IReadOnlyList<(string Variable, double Vif)>? vif)
    {
        string text = TextTableWriter.Write(DescriptiveTableBuilder.Build(summaries, new DescriptiveTableOptions { Title = $"Descriptive statistics ({rows} rows)" }));
        if (correlations is not null) text += "\n" + TextTableWriter.Write(CorrelationTableBuilder.Build(correlations, title: "Correlations"));
        if (vif is not null) text += "\n" + TextTableWriter.Write(VifTableBuilder.Build(vif, title: "Variance inflation factors"));
        return text;
    }
}
