using Panelwise.Cli;
using Panelwise.Study;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Study;

/// <summary>A run writes into a new sibling folder and replaces the output folder only when every file is written: a
/// failed run leaves an existing output folder byte-identical, and no staging folder behind. Table names that cannot
/// name files everywhere are refused when the study is checked.</summary>
public sealed class StudyOutputFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "panelwise-tests", Guid.NewGuid().ToString("N"));

    public StudyOutputFolderTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private string Existing()
    {
        string target = Path.Combine(_root, "out");
        Directory.CreateDirectory(Path.Combine(target, "plots"));
        File.WriteAllText(Path.Combine(target, "t.md"), "old table");
        File.WriteAllText(Path.Combine(target, "plots", "old.png"), "old plot");
        File.WriteAllText(Path.Combine(target, "my-notes.txt"), "the user's own file");
        return target;
    }

    private void NoStagingLeft() => Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));

    [Fact]
    public void AFailedWriteLeavesTheOldFolderByteIdentical()
    {
        string target = Existing();
        var before = Snapshot(target);
        Assert.Throws<IOException>(() => OutputFolder.Replace(target, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "t.md"), "new table");
            throw new IOException("disk full");
        }));
        Assert.Equal(before, Snapshot(target));
        NoStagingLeft();
    }

    [Fact]
    public void ASuccessfulWriteReplacesTheRunsFilesAndKeepsTheOthers()
    {
        string target = Existing();
        var files = OutputFolder.Replace(target, folder =>
        {
            Directory.CreateDirectory(Path.Combine(folder, "plots"));
            File.WriteAllText(Path.Combine(folder, "t.md"), "new table");
            File.WriteAllText(Path.Combine(folder, "plots", "new.png"), "new plot");
            return [Path.Combine(folder, "t.md"), Path.Combine(folder, "plots", "new.png")];
        });
        Assert.Equal([Path.Combine(target, "t.md"), Path.Combine(target, "plots", "new.png")], files);
        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["my-notes.txt"] = Convert.ToBase64String("the user's own file"u8.ToArray()),
            [Path.Combine("plots", "new.png")] = Convert.ToBase64String("new plot"u8.ToArray()),
            [Path.Combine("plots", "old.png")] = Convert.ToBase64String("old plot"u8.ToArray()),
            ["t.md"] = Convert.ToBase64String("new table"u8.ToArray()),
        }, Snapshot(target));
        NoStagingLeft();
    }

    [Fact]
    public void AFailedRunLeavesTheOutputOfTheLastGoodRun()
    {
        File.Copy(RepositoryPath.Of("examples", "grunfeld", "grunfeld.csv"), Path.Combine(_root, "grunfeld.csv"));
        string study = Path.Combine(_root, "study.yaml");
        string Study(string condition) => $"""
            data: {"{"} file: grunfeld.csv {"}"}
            tables:
              - name: t
                columns:
                  - {"{"} formula: "inv ~ value + capital", if: "{condition}" {"}"}
            """;
        string output = Path.Combine(_root, "out");
        File.WriteAllText(study, Study("year > 1940"));
        var good = CliRunner.Run("run", study, "--out", output);
        Assert.True(good.Exit == 0, good.Err);
        var before = Snapshot(output);
        Assert.Contains("results.json", before.Keys);
        File.WriteAllText(study, Study("year > 3000"));
        var bad = CliRunner.Run("run", study, "--out", output);
        Assert.Equal(2, bad.Exit);
        Assert.Equal(before, Snapshot(output));
        Assert.Equal(["grunfeld.csv", "out", "study.yaml"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void TableNamesThatCannotNameFilesEverywhereAreRefused()
    {
        File.Copy(RepositoryPath.Of("examples", "grunfeld", "grunfeld.csv"), Path.Combine(_root, "grunfeld.csv"));
        string longName = new('a', 300);
        string study = Path.Combine(_root, "study.yaml");
        File.WriteAllText(study, $"""
            data: {"{"} file: grunfeld.csv {"}"}
            tables:
              - {"{"} name: {longName}, columns: [{"{"} formula: inv ~ value {"}"}] {"}"}
              - {"{"} name: con, columns: [{"{"} formula: inv ~ value {"}"}] {"}"}
              - {"{"} name: Main, columns: [{"{"} formula: inv ~ value {"}"}] {"}"}
              - {"{"} name: main, columns: [{"{"} formula: inv ~ value {"}"}] {"}"}
              - {"{"} name: a/b, columns: [{"{"} formula: inv ~ value {"}"}] {"}"}
              - {"{"} name: Tables, columns: [{"{"} formula: inv ~ value {"}"}] {"}"}
              - {"{"} name: report, columns: [{"{"} formula: inv ~ value {"}"}] {"}"}
            """);
        var problems = Assert.Throws<StudyException>(() => StudyPlanner.Plan(StudyFileReader.Read(study))).Problems;
        Assert.Equal([
            $"{study} line 3: table name 'aaaaaaaaaaaaaaaaaaaa...' has 300 characters; it names the output files, so keep it within 100.",
            $"{study} line 4: table name 'con' is reserved for a device on Windows and cannot name a file there: choose another name.",
            $"{study} line 6: table name 'main' differs from 'Main' only in case, and both name the same output files on Windows and macOS: give each table its own name.",
            $"{study} line 7: table name 'a/b' becomes a file name: use letters, digits, '_' and '-' only.",
            $"{study} line 8: table name 'Tables' would overwrite the run's own tables.xlsx: choose another name.",
            $"{study} line 9: table name 'report' would overwrite the run's own report.html: choose another name.",
        ], problems);
    }

    [Fact]
    public void AnOutputPathThatIsAFileIsAStudyError()
    {
        string file = Path.Combine(_root, "data.csv");
        File.WriteAllText(file, "a,b\n1,2\n");
        var ex = Assert.Throws<StudyException>(() => OutputFolder.CheckUsable(file));
        Assert.Equal($"The output folder {file} is an existing file: choose a folder (--out DIR or the study's output).", CliFlags.Message(ex));
        var below = Assert.Throws<StudyException>(() => OutputFolder.CheckUsable(Path.Combine(file, "out")));
        Assert.Equal($"The output folder {Path.Combine(file, "out")} cannot be created: {file} is a file, not a folder. Choose another folder.", below.Message);
        Assert.Equal("a,b\n1,2\n", File.ReadAllText(file));
    }
}
