using Panelwise.IO.Yaml;
using Panelwise.Methods.Indices;

namespace Panelwise.IO.Specs;

/// <summary>Messages for spec files that cannot be read: each names the file and line and says how to fix it.</summary>
internal static class SpecFileErrors
{
    public static SpecificationException Yaml(string file, YamlProblem problem) =>
        new($"{file} line {problem.Line} column {problem.Column}: {problem.Describe("Check the indentation and quote values such as \"+\" and \"-\".")}");

    public static SpecificationException UnknownKey(string file, long line, string key, IEnumerable<string> allowed) =>
        new($"{file} line {line}: unknown key '{key}'. Allowed here: {string.Join(", ", allowed)}.");

    public static SpecificationException BadValue(string file, long line, string key, string value, IEnumerable<string> allowed) =>
        new($"{file} line {line}: '{value}' is not a valid {key}. Use one of: {string.Join(", ", allowed)}.");

    public static SpecificationException NotANumber(string file, long line, string key, string value) =>
        new($"{file} line {line}: {key} '{value}' is not a number.");

    public static SpecificationException Missing(string file, long line, string key, string what) =>
        new($"{file} line {line}: {what} needs '{key}'.");

    public static SpecificationException WrongShape(string file, long line, string key, string expected) =>
        new($"{file} line {line}: '{key}' must be {expected}.");

    public static SpecificationException Empty(string file) =>
        new($"{file} is empty: a spec needs at least 'name' and 'indicators' or 'dimensions'.");
}
