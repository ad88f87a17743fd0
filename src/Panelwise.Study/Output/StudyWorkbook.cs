using Panelwise.Render.Tables;
using Panelwise.Render.Writers;

namespace Panelwise.Study;

/// <summary>tables.xlsx: every table of the run on its own sheet (named as the table, in study order), as each
/// NAME.xlsx has it, and a last sheet "notes" with what a reader of the workbook alone would miss: the data notes,
/// each table's estimation notes and the checks. One file to send a co-author or attach to a submission.</summary>
internal static class StudyWorkbook
{
    public const string FileName = "tables.xlsx";

    public static string Write(IReadOnlyList<TableResult> results, IReadOnlyList<string> dataNotes,
        IReadOnlyList<(string Table, IReadOnlyList<string> Notes)> tableNotes, IReadOnlyList<StudyCheck> checks, string folder)
    {
        string path = Path.Combine(folder, FileName);
        var sheets = results.Select(r => (r.Name, r.Table)).Append(("notes", Notes(dataNotes, tableNotes, checks))).ToList();
        using var file = File.Create(path);
        XlsxTableWriter.WriteWorkbook(sheets, file);
        return path;
    }

    /// <summary>Two columns: where a note comes from ("data", a table name, a table and column) and the note.</summary>
    internal static TableModel Notes(IReadOnlyList<string> dataNotes, IReadOnlyList<(string Table, IReadOnlyList<string> Notes)> tableNotes,
        IReadOnlyList<StudyCheck> checks)
    {
        var groups = new List<RowGroup>();
        void Add(IEnumerable<(string Where, string Note)> rows)
        {
            var list = rows.Select(r => new TableRow(r.Where, [r.Note])).ToList();
            if (list.Count > 0) groups.Add(new RowGroup(list));
        }
        Add(dataNotes.Select(n => ("data", n)));
        Add(tableNotes.SelectMany(t => t.Notes.Select(n => (t.Table, n))));
        Add(checks.Select(c => (c.Where, $"{c.Kind}: {c.Message}")));
        if (groups.Count == 0) groups.Add(new RowGroup([new TableRow("", ["none"])]));
        return new TableModel { Title = "Notes", StubHeader = "where", HeaderRows = [["note"]], Groups = groups }.Validated();
    }
}
