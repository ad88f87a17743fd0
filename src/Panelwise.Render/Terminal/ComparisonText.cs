using System.Globalization;
using System.Text;
using Panelwise.Methods.GroupComparison;

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
        sb.AppendLine($"{"test",-12}{"coefficient",-24}{"groups",-36}{"statistic",14}{"df",8}{"p",12}");
        foreach (var t in r.Tests)
            sb.AppendLine($"{t.Test,-12}{t.Coefficient ?? "(all)",-24}{$"{t.Groups.A} vs {t.Groups.B}",-36}{F(t.Statistic),14}{Df(t),8}{F(t.PValue),12}");
        sb.Append(NoteLines.Of(r.Notes));
        return sb.ToString();
    }

    private static string Df(EqualityTest t) => double.IsNaN(t.Df) ? "" : double.IsNaN(t.Df2) ? F(t.Df) : $"{F(t.Df)},{F(t.Df2)}";

    private static string F(double v) => double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : ".";
}
