namespace Panelwise.Study;

/// <summary>One thing a careful referee would flag about a table column: the table's name, the column's number as
/// printed ("(2)") and title, a short kind ("weak_instruments", "few_clusters", "collinear", "singletons",
/// "panel_shape", "sobel_bootstrap", "specification_curve", ...) and the message in plain words with what to do.
/// Column 0 means the table as a whole (a multiverse's curve).</summary>
public sealed record StudyCheck(string Table, int Column, string? Title, string Kind, string Message)
{
    /// <summary>"baseline, column (2) 'Two-way FE'"; "multiverse" for a whole table.</summary>
    public string Where => (Column == 0 ? Table : $"{Table}, column ({Column})") + (string.IsNullOrEmpty(Title) ? "" : $" '{Title}'");
}
