using System.Text;

namespace Panelwise.Tests.Fuzz;

/// <summary>
/// One generated command line: the arguments (with <c>{dir}</c> standing for the input's own temporary folder), the
/// files it reads, and tags naming the mutations applied (shown with a failure to tell what the input exercised). The generator
/// name and seed replay it exactly: <c>FuzzGenerators.Create(generator, seed)</c>.
/// </summary>
internal sealed record FuzzInput(string Generator, int Seed, string[] Args, IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<string> Tags)
{
    public const string DirToken = "{dir}";

    public bool Has(string tag) => Tags.Contains(tag);

    /// <summary>The input as text a reader can replay: the command, then each file with control characters escaped
    /// (long files cut at 1,500 characters).</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"replay: FuzzGenerators.Create(\"{Generator}\", {Seed})  tags: [{string.Join(", ", Tags)}]");
        text.AppendLine("args: " + string.Join(" ", Args.Select(Quote)));
        foreach (var (name, bytes) in Files)
        {
            string content = Escape(bytes);
            if (content.Length > 1500) content = content[..1500] + $"... ({bytes.Length} bytes)";
            text.AppendLine($"--- {name}:").AppendLine(content);
        }
        return text.ToString();
    }

    private static string Quote(string arg) => arg.Length > 300 ? Quote(arg[..300]) + $"...({arg.Length} chars)"
        : "\"" + arg.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";

    private static string Escape(byte[] bytes)
    {
        string text = Encoding.UTF8.GetString(bytes);
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c == '\n') escaped.Append("\\n\n");
            else if (c == '\r') escaped.Append("\\r");
            else if (c == '\t') escaped.Append("\\t");
            else if (char.IsControl(c) || c == '\uFFFD') escaped.Append($"\\u{(int)c:x4}");
            else escaped.Append(c);
        }
        return escaped.ToString();
    }
}
