using Panelwise.Study;

namespace Panelwise.Cli.Output;

/// <summary>What <c>panelwise run</c> prints when it is done: where the tables and report.html are, the data step's
/// counts, the referee checks by severity (warnings in full, cautions counted by kind) and each table's estimation
/// notes (the first <see cref="NotesPerTable"/>). The full lists are in report.html and checks.md; the terminal says
/// what to open and what needs attention first.</summary>
internal static class RunSummary
{
    public const int NotesPerTable = 3;

    public static void Write(TextWriter stdout, StudyOutcome outcome, int tables, string directory)
    {
        stdout.WriteLine($"{tables} table{(tables == 1 ? "" : "s")} written to {Shown(directory)} ({outcome.Files.Count} files: .md .tex .html .docx .xlsx per table, {(outcome.Files.Any(f => Path.GetFileName(f) == "tables.xlsx") ? "tables.xlsx with every table, " : "")}results.json, checks.md, data.csv).");
        if (outcome.Report is { } report) stdout.WriteLine($"report: {Shown(report)}");
        stdout.WriteLine($"data: {outcome.DataRows} rows in data.csv" + (outcome.DataNotes.Count == 0 ? "." : ":"));
        foreach (var note in outcome.DataNotes) stdout.WriteLine("  " + note);
        WriteChecks(stdout, outcome.Checks);
        var noted = outcome.TableNotes.Where(t => t.Notes.Count > 0).ToList();
        if (noted.Count == 0) return;
        stdout.WriteLine("notes by table (all of them in report.html):");
        foreach (var (table, notes) in noted)
        {
            stdout.WriteLine($"  {table}:");
            foreach (var note in notes.Take(NotesPerTable)) stdout.WriteLine("    " + note);
            if (notes.Count > NotesPerTable) stdout.WriteLine($"    ... and {notes.Count - NotesPerTable} more");
        }
    }

    private static void WriteChecks(TextWriter stdout, IReadOnlyList<StudyCheck> checks)
    {
        var warnings = checks.Where(c => CheckSeverities.Of(c) == CheckSeverity.Warning).ToList();
        var cautions = checks.Where(c => CheckSeverities.Of(c) == CheckSeverity.Caution).ToList();
        if (checks.Count == 0)
        {
            stdout.WriteLine("checks: none fired (checks.md says what was checked).");
            return;
        }
        string kinds = string.Join(", ", cautions.GroupBy(c => c.Kind).Select(g => $"{g.Key} {g.Count()}"));
        stdout.WriteLine($"checks: {Count(warnings.Count, "warning")}, {Count(cautions.Count, "caution")}"
            + (kinds.Length > 0 ? $" ({kinds})" : "") + "; every one in checks.md.");
        foreach (var (where, message) in StudyChecks.Grouped(warnings)) stdout.WriteLine($"  warning: {where}: {message}");
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";

    /// <summary>A path relative to the working folder when it lies inside it, else as given.</summary>
    private static string Shown(string path)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
