using System.Text.Json;
using System.Text.RegularExpressions;
using Panelwise.Cli;

namespace Panelwise.Tests.Fuzz;

/// <summary>What one input did, judged by the invariant. <c>Violation</c> is null when the invariant held; otherwise
/// its kind: internal (exit 3), escaped (an exception left PanelwiseCli.Run), exit-N (any exit code but 0, 2, 3), leak
/// (a library's message reached the user), no-location (a user error that names no place), non-finite (NaN/Infinity
/// printed on success), bad-json.</summary>
internal sealed record FuzzVerdict(FuzzInput Input, int Exit, string Out, string Err, string? Violation, TimeSpan Elapsed)
{
    public bool Ok => Violation is null;

    public string Describe() =>
        $"[{Violation}] exit {Exit}, {Elapsed.TotalMilliseconds:F0} ms\nstderr: {Trim(Err)}\nstdout: {Trim(Out)}\n{Input.Describe()}";

    private static string Trim(string text) => text.Length > 600 ? text[..600] + "..." : text.TrimEnd();
}

/// <summary>
/// Runs one input through the CLI in-process and checks the invariant: exit 0 with finite numbers (no NaN, Infinity or
/// ∞ token on stdout or in a study's results.json and tables; a --json document must parse), or exit 2 with a user error
/// that names a place, and nothing else.
/// <para>"Names a place" (checkable): the message contains an input file's name, an option (--x), a line, row, column
/// or position number, a caret, a quoted name ('x', "x" or `x`) that occurs in the input's arguments or files, or as a
/// bare word an option's name (k for --k) or a name of two or more characters from the other arguments (a column, a
/// term, an option value), the command's own name and the data path excepted.</para>
/// </summary>
internal static class FuzzOracle
{
    // CommandRunner's exit codes, repeated because bench/fuzz compiles this file without the tests' internals access.
    private const int InputError = 2, InternalError = 3;

    /// <summary>Messages of .NET and the libraries Panelwise uses: any of them on stderr is a leak.</summary>
    public static readonly string[] LeakedPhrases =
    [
        "Invalid parametrization", "Matrix must be", "Value cannot be null", "Index was outside", "Object reference",
        "Specified argument", "Input string was not", "Sequence contains", "Arithmetic operation", "Nullable object",
        "The given key", "Unable to cast", "Exception of type", "(Parameter '", "at Panelwise.", "at System.",
        "System.", "YamlDotNet", "MathNet", "Collection was modified", "Destination is too short", "must be non-negative",
        "Stack overflow", "out of range", "Non-negative number required", "An item with the same key",
    ];

    private static readonly Regex NonFinite = new(@"NaN|Infinity|∞", RegexOptions.Compiled);

    /// <summary>The level label of a factor term (region::east), echoed from a text column of the data: a label spelled
    /// "∞" or "NaN" is a category's name, not a computed number, so it is left out of the non-finite check.</summary>
    private static readonly Regex FactorLabel = new(@"::[^\s""|,]+", RegexOptions.Compiled);

    /// <summary>Names the user chose for new columns or groups (--name NaN, --labels "a,Infinity") are echoed verbatim:
    /// removed before the non-finite check, as they are the user's text, not computed numbers.</summary>
    public static string WithoutChosenNames(string[] args, string output)
    {
        for (int i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] is not ("--name" or "--labels")) continue;
            foreach (string name in args[i + 1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                output = output.Replace(name, "", StringComparison.Ordinal);
        }
        return output;
    }

    public static bool HasNonFinite(string text) => NonFinite.IsMatch(FactorLabel.Replace(text, "::"));
    private static readonly Regex PlaceNumber = new(@"\b(line|row|rows|column|position|col|character|char|byte|offset)\s*\d|--[a-z]|\^|:\d+:", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex DefaultLag = new(@"^([lf]\([^,()]+), 1\)$", RegexOptions.Compiled);
    private static readonly Regex Word = new(@"[\p{L}_][\p{L}\p{N}_]*", RegexOptions.Compiled);
    private static readonly Regex Quoted = new("'([^'\\n]{1,200})'|\"([^\"\\n]{1,200})\"|`([^`\\n]{1,200})`|‘([^’\\n]{1,200})’", RegexOptions.Compiled);

    public static FuzzVerdict Run(FuzzInput input)
    {
        string dir = Path.Combine(Path.GetTempPath(), "panelwise-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var start = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            foreach (var (name, bytes) in input.Files) File.WriteAllBytes(Path.Combine(dir, name), bytes);
            string[] args = input.Args.Select(a => a.Replace(FuzzInput.DirToken, dir)).ToArray();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit;
            try
            {
                exit = PanelwiseCli.Run(args, stdout, stderr);
            }
            catch (Exception ex)
            {
                return new FuzzVerdict(input, -1, stdout.ToString(), $"{ex.GetType().Name}: {ex.Message}", "escaped", start.Elapsed);
            }
            string output = stdout.ToString(), error = stderr.ToString().Replace(dir, FuzzInput.DirToken);
            string? violation = Judge(input, exit, output, error, dir);
            return new FuzzVerdict(input, exit, output.Replace(dir, FuzzInput.DirToken), error, violation, start.Elapsed);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string? Judge(FuzzInput input, int exit, string output, string error, string dir)
    {
        if (exit == InternalError) return "internal";
        if (exit == 0)
        {
            string computed = WithoutChosenNames(input.Args, output);
            if (HasNonFinite(computed) || StudyOutputs(dir).Any(f => HasNonFinite(File.ReadAllText(f)))) return "non-finite";
            if (AsksForJson(input.Args) && !ParsesAsJson(output)) return "bad-json";
            return null;
        }
        if (exit != InputError) return $"exit-{exit}";
        if (LeakedPhrases.Any(p => error.Contains(p, StringComparison.Ordinal))) return "leak";
        return NamesAPlace(input, error) ? null : "no-location";
    }

    /// <summary>The checkable location rule (see the class summary).</summary>
    public static bool NamesAPlace(FuzzInput input, string message)
    {
        if (PlaceNumber.IsMatch(message) || message.Contains(FuzzInput.DirToken)) return true;
        if (input.Files.Keys.Any(name => message.Contains(name, StringComparison.Ordinal))) return true;
        var words = Word.Matches(message).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (input.Args.Where(a => a.StartsWith("--")).Any(a => words.Contains(a[2..]))) return true;
        if (input.Args.Skip(1).Where(a => !a.StartsWith("--") && !a.Contains(FuzzInput.DirToken))
            .SelectMany(a => Word.Matches(a).Select(m => m.Value)).Any(w => w.Length >= 2 && !w.Equals(input.Args[0], StringComparison.OrdinalIgnoreCase) && words.Contains(w))) return true;
        foreach (Match match in Quoted.Matches(message))
        {
            string quoted = match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value.Trim();
            if (quoted.Length == 0) continue;
            if (input.Args.Any(a => a.Contains(quoted, StringComparison.OrdinalIgnoreCase))) return true;
            // Terms are named canonically: l(x) and f(x) print as l(x, 1) and f(x, 1), the same term as written.
            string written = DefaultLag.Replace(quoted, "$1)");
            if (written != quoted && input.Args.Any(a => a.Contains(written, StringComparison.OrdinalIgnoreCase))) return true;
            if (input.Files.Values.Any(bytes => System.Text.Encoding.UTF8.GetString(bytes).Contains(quoted, StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }

    private static IEnumerable<string> StudyOutputs(string dir)
    {
        string output = Path.Combine(dir, "out");
        if (!Directory.Exists(output)) return [];
        return Directory.EnumerateFiles(output).Where(f => f.EndsWith(".json") || f.EndsWith(".md"));
    }

    /// <summary>--json is a flag unless it follows an option that takes a value ("--sheet --json" names a sheet).</summary>
    private static bool AsksForJson(string[] args)
    {
        int at = Array.IndexOf(args, "--json");
        return at > 0 && !(args[at - 1].StartsWith("--") && !Flags.Contains(args[at - 1]));
    }

    private static readonly HashSet<string> Flags = ["--json", "--timing", "--keep-singletons", "--show-fe", "--first-stage", "--sigmamore", "--vif", "--replace", "--ties", "--common", "--corr"];

    private static bool ParsesAsJson(string text)
    {
        try { using var _ = JsonDocument.Parse(text); return true; }
        catch (JsonException) { return false; }
    }
}
