namespace Panelwise.Render.Terminal;

/// <summary>Notes under a text report, one "Note: ..." line each. The one place notes become console text.</summary>
public static class NoteLines
{
    public static string Of(IEnumerable<string> notes) => string.Concat(notes.Select(Line));

    public static string Line(string note) => $"Note: {note}\n";
}
