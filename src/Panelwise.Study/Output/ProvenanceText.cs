using Panelwise.Render.Tables;
using Panelwise.Study.Plan;

namespace Panelwise.Study;

/// <summary>The words of the provenance statement that opens report.html, checks.md and results.json, and of the note
/// a table using synthetic variables carries. Names are shown with their labels when the study gives one.</summary>
internal static class ProvenanceText
{
    public const string Caution = "Estimates involving synthetic variables illustrate the method, not findings: they show what the analysis does, not evidence about the units studied.";

    /// <summary>The statement's lines; empty when the study does not declare its synthetic data.</summary>
    public static IReadOnlyList<string> Lines(StudyProvenance provenance, IReadOnlyDictionary<string, string> labels)
    {
        if (!provenance.Declared) return [];
        var lines = new List<string>
        {
            provenance.RealUsed.Count > 0
                ? $"Real data (observed): {Names(provenance.RealUsed, labels)}."
                : "Real data (observed): none of the variables the tables use.",
        };
        if (provenance.SyntheticUsed.Count == 0)
        {
            lines.Add("Synthetic data (generated): none of the variables the tables use.");
            return lines;
        }
        lines.Add("Synthetic data (generated, not observed): "
            + string.Join("; ", provenance.SyntheticUsed.Select(n => $"{Name(n, labels)} ({provenance.Synthetic[n]})")) + ".");
        lines.Add(Caution);
        return lines;
    }

    /// <summary>The note of a table that uses synthetic variables.</summary>
    public static string TableNote(IReadOnlyList<string> synthetic, IReadOnlyDictionary<string, string> labels, TableText text) =>
        string.Format(text.SyntheticNote, string.Join(text.ListSeparator, synthetic.Select(n => Name(n, labels))));

    private static string Names(IEnumerable<string> names, IReadOnlyDictionary<string, string> labels) =>
        string.Join(", ", names.Select(n => Name(n, labels)));

    private static string Name(string name, IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(name, out var label) && label != name ? $"{name} ({label})" : name;
}
