using System.Globalization;

namespace Panelwise.Formula;

/// <summary>Rendering helpers so that names and numbers print the way they would be typed.</summary>
internal static class Names
{
    /// <summary>The name as typed in a formula: backquoted when it is not a bare name.</summary>
    public static string Quote(string name) => IsBare(name) ? name : $"`{name}`";

    public static bool IsBare(string name)
    {
        if (name.Length == 0 || !Lexer.IsNameStart(name[0])) return false;
        if (name[0] == '.' && name.Length > 1 && char.IsAsciiDigit(name[1])) return false;
        foreach (char c in name) if (!Lexer.IsNamePart(c)) return false;
        return true;
    }

    /// <summary>Shortest round-trip text, invariant culture: 2 -> "2", 0.5 -> "0.5".</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
