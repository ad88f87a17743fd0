using System.Text;
using Panelwise.IO.Specs;
using Panelwise.Methods.Indices;
using Panelwise.Study;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>Every YAML problem in a study file or an index spec is a user error with the file, the true line and column,
/// and a fix: unclosed brackets (YamlDotNet fails without a position), tabs (reported at the enclosing mapping by the
/// parser), second documents (silently ignored before), cycles and runaway nesting (which overflowed the stack).</summary>
public class StudyYamlSyntaxTests
{
    private const string Hint = "Check the indentation and quote formulas and expressions.";

    private static string Problem(string yaml) =>
        Assert.Single(Assert.Throws<StudyException>(() => StudyFileReader.Parse(yaml, "s.yaml")).Problems);

    private static string SpecProblem(string yaml) =>
        Assert.Throws<SpecificationException>(() => IndexSpecReader.Parse(yaml, "i.yaml")).Message;

    [Theory]
    [InlineData("data: { file: d.csv }\ntables:\n  - name: t\n    controls: [a, b\n    columns:\n      - { formula: \"y ~ x\" }\n", 4, 15, "[", "]")]
    [InlineData("data: { file: d.csv }\ntables:\n  - name: t\n    columns:\n      - { formula: \"y ~ x\", title: x\n      - { formula: \"y ~ z\" }\n", 5, 9, "{", "}")]
    [InlineData("data: { file: d.csv }\ntables:\n  - name: t\n    columns:\n      - { formula: \"y ~ x\", title: x\n    title: t\n", 5, 9, "{", "}")]
    [InlineData("data: { file: d.csv }\ntables:\n  - name: t\n    controls: [a, b\n", 4, 15, "[", "]")]
    public void UnclosedBracketsNameWhereTheyOpen(string yaml, int line, int column, string open, string close) =>
        Assert.Equal($"s.yaml line {line} column {column}: the '{open}' opened here is never closed: add the closing '{close}' " +
                     "(a bracketed list or mapping may span lines, but must be closed).", Problem(yaml));

    [Fact]
    public void ASecondDocumentIsAnError() =>
        Assert.Equal("s.yaml line 5 column 1: a second YAML document starts here (after '---' or '...') and would be ignored: " +
                     "the file holds one document, so remove the separator and merge what follows into the first.",
            Problem("---\ndata: { file: d.csv }\ntables:\n  - { name: t, columns: [{ formula: y ~ x }] }\n---\ntitle: more\n"));

    [Fact]
    public void ATabIsReportedWhereItIs() =>
        Assert.Equal("s.yaml line 4 column 1: a tab indents this line, and YAML indents with spaces only: replace the tab with spaces.",
            Problem("data: { file: d.csv }\ntables:\n  - name: t\n\t  columns: [{ formula: y ~ x }]\n"));

    [Fact]
    public void OtherSyntaxErrorsKeepTheParsersWordsWithLineAndColumn() =>
        Assert.Equal($"s.yaml line 2 column 1: not valid YAML (Duplicate key data). {Hint}",
            Problem("data: { file: d.csv }\ndata: { file: e.csv }\ntables: []\n"));

    [Fact]
    public void AliasesMustBeDefinedAndMustNotContainThemselves()
    {
        Assert.Equal("s.yaml line 1 column 7: the alias *d has no anchor &d before it: define the anchor first or write the value out.",
            Problem("data: *d\ntables: []\n"));
        Assert.Equal("s.yaml line 3 column 14: the alias *t is inside the value that &t names, so that value would never end: " +
                     "refer to a value defined outside it.", Problem("data: { file: d.csv }\ntables: &t\n  - columns: *t\n"));
    }

    [Fact]
    public void RunawayNestingAndAliasBombsAreRefused()
    {
        Assert.Equal("s.yaml line 2 column 72: lists and mappings are nested more than 64 levels deep: check the brackets and the indentation.",
            Problem("data: { file: d.csv }\ntables: " + new string('[', 20000) + new string(']', 20000) + "\n"));
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 8; i++) bomb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        Assert.Equal("s.yaml line 6 column 45: aliases expand the file to more than 1,000,000 values: write the repeated parts out instead.",
            Problem(bomb.ToString()));
    }

    [Fact]
    public void IndexSpecsReportTheSameProblems()
    {
        const string specHint = "Check the indentation and quote values such as \"+\" and \"-\".";
        Assert.Equal("i.yaml line 3 column 5: the '{' opened here is never closed: add the closing '}' (a bracketed list or mapping may span lines, but must be closed).",
            SpecProblem("name: idx\nindicators:\n  - {column: x\nmethod: equal\n"));
        Assert.Equal("i.yaml line 4 column 1: a second YAML document starts here (after '---' or '...') and would be ignored: " +
                     "the file holds one document, so remove the separator and merge what follows into the first.",
            SpecProblem("name: idx\nindicators: [{column: x}]\n...\nname: other\n"));
        Assert.Equal("i.yaml line 4 column 1: a tab indents this line, and YAML indents with spaces only: replace the tab with spaces.",
            SpecProblem("name: idx\nindicators:\n  - column: x\n\t  label: y\n"));
        Assert.Equal("i.yaml line 4 column 17: the alias *d is inside the value that &d names, so that value would never end: " +
                     "refer to a value defined outside it.", SpecProblem("name: r\ndimensions: &d\n  - name: a\n    dimensions: *d\n"));
        Assert.Equal($"i.yaml line 1 column 7: not valid YAML (While scanning a quoted scalar, found unexpected end of stream). {specHint}",
            SpecProblem("name: 'idx\n"));
        Assert.Equal("i.yaml line 2: 'a key' must be a single word.", SpecProblem("name: idx\n? [a]\n: b\n"));
    }
}
