using System.Globalization;

namespace Panelwise.Formula;

/// <summary>Splits a formula or filter expression into tokens.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string source, SyntaxErrorFactory fail)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                i = ScanNumber(source, i);
                string raw = source[start..i];
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    throw fail(start, raw, $"'{raw}' is not a number");
                tokens.Add(new Token(TokenKind.Number, raw, raw, start, value));
            }
            else if (IsNameStart(c))
            {
                while (i < source.Length && IsNamePart(source[i])) i++;
                string name = source[start..i];
                tokens.Add(new Token(TokenKind.Name, name, name, start));
            }
            else if (c == '`')
            {
                int close = source.IndexOf('`', i + 1);
                if (close < 0) throw fail(start, "`", "unterminated `name`: add the closing backquote");
                if (close == i + 1) throw fail(start, "``", "empty `name`");
                i = close + 1;
                tokens.Add(new Token(TokenKind.Name, source[(start + 1)..close], source[start..i], start));
            }
            else if (c is '"' or '\'')
            {
                int close = source.IndexOf(c, i + 1);
                if (close < 0) throw fail(start, c.ToString(), $"unterminated text: add the closing {c}");
                i = close + 1;
                tokens.Add(new Token(TokenKind.Text, source[(start + 1)..close], source[start..i], start));
            }
            else
            {
                var (kind, length) = Operator(source, i);
                if (length == 0) throw fail(start, c.ToString(), $"unexpected character '{c}'");
                i += length;
                string raw = source.Substring(start, length);
                tokens.Add(new Token(kind, raw, raw, start));
            }
        }
        tokens.Add(new Token(TokenKind.End, "", "", source.Length));
        return tokens;
    }

    private static int ScanNumber(string s, int i)
    {
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        }
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            int j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-')) j++;
            if (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
                i = j;
            }
        }
        return i;
    }

    private static (TokenKind Kind, int Length) Operator(string s, int i)
    {
        char next = i + 1 < s.Length ? s[i + 1] : '\0';
        return s[i] switch
        {
            '~' => (TokenKind.Tilde, 1),
            '|' => (TokenKind.Pipe, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '^' => (TokenKind.Caret, 1),
            ':' => (TokenKind.Colon, 1),
            '(' => (TokenKind.LParen, 1),
            ')' => (TokenKind.RParen, 1),
            ',' => (TokenKind.Comma, 1),
            '&' => (TokenKind.Amp, 1),
            '=' => next == '=' ? (TokenKind.Equal, 2) : (TokenKind.Assign, 1),
            '!' => next == '=' ? (TokenKind.NotEqual, 2) : (TokenKind.Bang, 1),
            '<' => next == '=' ? (TokenKind.LessEqual, 2) : (TokenKind.Less, 1),
            '>' => next == '=' ? (TokenKind.GreaterEqual, 2) : (TokenKind.Greater, 1),
            _ => (TokenKind.End, 0),
        };
    }

    // Any Unicode letter may start a name so that Chinese (and other) column names work unquoted;
    // surrogates are accepted as letters because supplementary CJK ideographs arrive as pairs.
    internal static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || c == '.' || char.IsSurrogate(c);

    internal static bool IsNamePart(char c) =>
        IsNameStart(c) || char.IsDigit(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
