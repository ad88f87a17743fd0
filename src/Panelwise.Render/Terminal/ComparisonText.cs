using System.Text;
using Panelwise.Methods.GroupComparison;
using Panelwise.Render.Tables;
using Panelwise.Render.Writers;

namespace Panelwise.Render.Terminal;

/// <summary>The text report of compare: each group's table, then the equality tests.</summary>
public static class ComparisonText
{
    public static string Write(ComparisonResult r)
    {
        var sb = new StringBuilder();
        foreach (var g in r.Groups)
        {
            sb.AppendLine($"Group: {g.Group}");
            sb.AppendLine(RegressionText.Write(g.Result));
        }
        sb.Append(FixedWidthTableWriter.Write(EqualityTestTableBuilder.Build(r), new FixedWidthLayout(
            [new(12, LeftAligned: true), new(24, LeftAligned: true), new(36, LeftAligned: true), new(14), new(8), new(12)])));
        sb.Append(NoteLines.Of(r.Notes));
        return sb.ToString();
    }
}
