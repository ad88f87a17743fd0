using System.CommandLine;
using Panelwise.Cli.Output;
using Panelwise.Study;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise run STUDY.yaml [--out DIR]</c>: checks the whole study against its data (every problem
/// reported at once, before any estimation), then writes every table in five formats, results.json and data.csv into
/// --out or output/STEM/ beside the study, and prints a short summary (see <see cref="RunSummary"/>).</summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var study = new Argument<string>("study") { Description = "Study file (YAML): data, panel, variables, indices, labels, tables." };
        var output = new Option<string?>("--out") { Description = "Output folder (default: output/<study file name>/ next to the study file, so two studies in one folder do not collide)." };
        var command = new Command("run", "Run a study file: every table as Markdown, LaTeX, HTML, Word and Excel, plus results.json.") { study, output };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(study)!;
            var plan = StudyPlanner.Plan(StudyFileReader.Read(path));
            string directory = parse.GetValue(output) ?? DefaultOutput(path);
            var progress = InteractiveProgress.ForTerminal(stderr);
            StudyOutcome outcome;
            try
            {
                outcome = StudyRunner.Run(plan, directory, progress, CliFlags.Name);
            }
            finally
            {
                progress?.Clear();
            }
            RunSummary.Write(stdout, outcome, outcome.Files.Count(f => Path.GetExtension(f) == ".docx"), directory); // one .docx per table, generated tables included
            return 0;
        });
        return command;
    }

    /// <summary>output/STEM/ beside the study file (STEM: its name without extension), e.g. examples/x/output/study/.</summary>
    public static string DefaultOutput(string studyPath)
    {
        string full = Path.GetFullPath(studyPath);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", "output", Path.GetFileNameWithoutExtension(full));
    }
}
