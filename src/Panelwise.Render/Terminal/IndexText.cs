using Panelwise.Methods.Indices;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;

namespace Panelwise.Render.Terminal;

/// <summary>The index command's text report: the weights table (<see cref="IndexWeightsTableBuilder"/>), then the
/// added columns and the notes.</summary>
public static class IndexText
{
    public static string Write(IndexResult result, int sampleRows) =>
        ConsoleTableWriter.Write(IndexWeightsTableBuilder.Build(result.Weights, $"Index weights ({sampleRows} rows)"))
        + "\n"
        + $"Columns added: {string.Join(", ", result.Columns)}\n"
        + NoteLines.Of(result.Notes);
}
