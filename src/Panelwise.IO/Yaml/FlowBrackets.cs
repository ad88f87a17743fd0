namespace Panelwise.IO.Yaml;

/// <summary>Finds a <c>[</c> or <c>{</c> that is never closed, for the error message when YAML parsing fails (YamlDotNet
/// may fail before reporting where the bracket opened). A bracket or quote counts only where a value may start (after
/// <c>: - , [ { ?</c> or at the start of a line), so brackets and apostrophes inside plain text are not mistaken for
/// YAML syntax; quoted text and comments are skipped.</summary>
internal static class FlowBrackets
{
    public static (long Line, long Column, char Bracket)? FirstUnclosed(string yaml, int from)
    {
        var (line, column) = Position(yaml, from);
        var stack = new Stack<(long Line, long Column, char Bracket)>();
        char quote = '\0';
        char previous = '\n'; // last non-blank character, '\n' at the start of a line
        bool blankSince = true;
        for (int i = from; i < yaml.Length; i++, column++)
        {
            char c = yaml[i];
            if (c == '\n' || (c == '\r' && (i + 1 == yaml.Length || yaml[i + 1] != '\n')))
            {
                if (quote == '\0') { previous = '\n'; blankSince = true; }
                line++;
                column = 0;
                continue;
            }
            if (quote == '\'') { if (c == '\'') { if (i + 1 < yaml.Length && yaml[i + 1] == '\'') { i++; column++; } else quote = '\0'; } continue; }
            if (quote == '"') { if (c == '\\') { i++; column++; } else if (c == '"') quote = '\0'; continue; }
            if (c is ' ' or '\t' or '\r') { blankSince = true; continue; }
            if (c == '#' && blankSince) { while (i + 1 < yaml.Length && yaml[i + 1] is not ('\n' or '\r')) { i++; column++; } continue; }
            bool valueStart = previous is '\n' or '[' or '{' or ',' || (previous is ':' or '-' or '?' && blankSince);
            if (valueStart && c is '\'' or '"') quote = c;
            else if (valueStart && c is '[' or '{') stack.Push((line, column, c));
            else if (c is ']' or '}' && stack.Count > 0) stack.Pop();
            previous = c;
            blankSince = false;
        }
        return stack.Count > 0 ? stack.Last() : null;
    }

    private static (long Line, long Column) Position(string yaml, int index)
    {
        long line = 1, column = 1;
        for (int i = 0; i < index; i++)
        {
            if (yaml[i] == '\n' || (yaml[i] == '\r' && (i + 1 == yaml.Length || yaml[i + 1] != '\n'))) { line++; column = 1; }
            else column++;
        }
        return (line, column);
    }
}
