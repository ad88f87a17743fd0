using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Panelwise.IO.Yaml;

/// <summary>Loads a single-document YAML file (study files, index specs) into YamlDotNet's node model, or says what is
/// wrong with it and where. The text is first read as an event stream (YamlDotNet's parser is iterative), which
/// refuses what the node model would mishandle: a second document (silently ignored), nesting past
/// <see cref="MaxDepth"/> (the node model recurses per level), aliases that refer to their own value (a cycle any walk
/// over the nodes would follow forever) or expand past <see cref="MaxNodes"/> values. It also turns the parser's
/// failures into located problems: an unclosed <c>[</c> or <c>{</c> (YamlDotNet 18 then fails inside its scanner with
/// an InvalidOperationException and no position) and a tab in the indentation (reported at the enclosing mapping).</summary>
public static class YamlDocumentLoader
{
    /// <summary>The deepest nesting of lists and mappings accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most values (scalars, lists, mappings) a document may hold once aliases are expanded.</summary>
    public const long MaxNodes = 1_000_000;

    /// <summary>The root node of <paramref name="yaml"/>, or null when it holds no document (or a problem was found).</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="problem">What is wrong and where, or null.</param>
    public static YamlNode? Load(string yaml, out YamlProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        problem = Scan(yaml);
        if (problem is not null) return null;
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException ex)
        {
            // Left after the scan: problems of the node model itself, such as a duplicate key.
            problem = new YamlProblem(YamlProblemKind.Syntax, ex.Start.Line, ex.Start.Column, Message(ex));
            return null;
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private sealed class Open(Mark start, bool flow, string? anchor)
    {
        public Mark Start { get; } = start;
        public bool Flow { get; } = flow;
        public string? Anchor { get; } = anchor;
        public long Size { get; set; } = 1;
    }

    private static YamlProblem? Scan(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new List<Open>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        int documents = 0;
        long expanded = 0;
        Mark last = Mark.Empty;
        YamlProblem Unclosed(string fallback) => UnclosedBracket(yaml, open, last) ?? At(YamlProblemKind.Syntax, last, fallback);
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e.Start;
                long size = 0;
                switch (e)
                {
                    case DocumentStart:
                        if (++documents > 1) return At(YamlProblemKind.SecondDocument, e.Start, "");
                        break;
                    case MappingStart or SequenceStart:
                        if (open.Count >= MaxDepth) return At(YamlProblemKind.TooDeep, e.Start, "");
                        var node = (NodeEvent)e;
                        open.Add(new Open(e.Start, e is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow },
                            node.Anchor.IsEmpty ? null : node.Anchor.Value));
                        expanded++;
                        continue;
                    case MappingEnd or SequenceEnd:
                        var closed = open[^1];
                        open.RemoveAt(open.Count - 1);
                        if (closed.Anchor is not null) sizes[closed.Anchor] = closed.Size;
                        size = closed.Size;
                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty) sizes[scalar.Anchor.Value] = 1;
                        size = 1;
                        expanded++;
                        break;
                    case AnchorAlias alias:
                        string name = alias.Value.Value;
                        if (open.Any(o => o.Anchor == name)) return At(YamlProblemKind.RecursiveAlias, e.Start, name);
                        if (!sizes.TryGetValue(name, out size)) return At(YamlProblemKind.UnknownAlias, e.Start, name);
                        expanded += size;
                        break;
                }
                if (open.Count > 0) open[^1].Size += size;
                if (expanded > MaxNodes) return At(YamlProblemKind.TooLarge, e.Start, "");
            }
        }
        catch (YamlException ex)
        {
            string message = Message(ex);
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindTab(yaml, last.Line) is { } tab)
                return new YamlProblem(YamlProblemKind.Tab, tab.Line, tab.Column, "");
            return message.Contains("did not find expected ','", StringComparison.Ordinal) ? Unclosed(message) : At(YamlProblemKind.Syntax, ex.Start, message);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way when a flow collection is left open at the end of a line and the
            // next line starts a block value; no other input is known to reach it.
            return Unclosed("the reader stopped after this point");
        }
        return null;
    }

    /// <summary>The outermost bracket left open, searched in the text from the outermost open flow collection (or the
    /// last event read: the parser may fail before reporting the bracket's own start).</summary>
    private static YamlProblem? UnclosedBracket(string yaml, List<Open> open, Mark last)
    {
        long from = open.FirstOrDefault(o => o.Flow) is { } flow ? Math.Min(flow.Start.Index, last.Index) : last.Index;
        return FlowBrackets.FirstUnclosed(yaml, (int)Math.Clamp(from, 0, yaml.Length)) is { } b
            ? new YamlProblem(YamlProblemKind.Unclosed, b.Line, b.Column, b.Bracket.ToString())
            : null;
    }

    private static YamlProblem At(YamlProblemKind kind, Mark mark, string detail) =>
        new(kind, Math.Max(mark.Line, 1), Math.Max(mark.Column, 1), detail);

    private static string Message(YamlException ex) => (ex.InnerException?.Message ?? ex.Message).TrimEnd('.');

    /// <summary>The first tab in a line's leading whitespace, from line <paramref name="fromLine"/> on (the parser
    /// reports tab errors at the enclosing mapping, often line 1).</summary>
    private static (long Line, long Column)? FindTab(string yaml, long fromLine)
    {
        var lines = yaml.Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
        for (int pass = 0; pass < 2; pass++)
            for (int i = pass == 0 ? (int)Math.Max(fromLine - 1, 0) : 0; i < lines.Length; i++)
            {
                string line = lines[i];
                int indent = 0;
                while (indent < line.Length && line[indent] is ' ' or '\t') indent++;
                int tab = line.IndexOf('\t', 0, indent);
                if (tab >= 0) return (i + 1, tab + 1);
            }
        return null;
    }
}
