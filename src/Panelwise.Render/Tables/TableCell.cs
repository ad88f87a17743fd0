namespace Panelwise.Render.Tables;

/// <summary>One cell: display text already formatted by a builder, optional significance stars, and whether it is
/// shown in parentheses (standard errors, t statistics). Writers decide how stars and parentheses look.</summary>
public sealed record TableCell(string Text, string Stars = "", bool Parenthesised = false)
{
    public static TableCell Empty { get; } = new("");

    /// <summary>The cell as plain text: "(0.012)", "0.345***".</summary>
    public string Plain => (Parenthesised ? $"({Text})" : Text) + Stars;

    public static implicit operator TableCell(string text) => new(text);
}
