namespace Panelwise.Render.Terminal;

/// <summary>Notes under a text report, one "Note: ..." line each. The one place notes become console text.</summary>
public static class NoteLines
{
    public static string Of(IEnumerable<string> notes) => string.Concat(notes.Select(Line));

    public static string Of(IEnumerable<Note> notes) => Of(notes.Select(n => n.Text));

    public static string Line(string note) => $"Note: {note}\n";

    public static string Line(Note note) => Line(note.Text);
}
