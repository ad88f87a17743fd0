using System.CommandLine;
using Panelwise.Cli.Output;
using Panelwise.Study;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise run STUDY.yaml [--out DIR]</c>: checks the whole study against its data (every problem
/// reported at once, before any estimation), then writes every table in five formats, results.json and data.csv.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var study = new Argument<string>("study") { Description = "Study file (YAML): data, panel, variables, indices, labels, tables." };
        var output = new Option<string?>("--out") { Description = "Output folder (default: output/ next to the study file)." };
        var command = new Command("run", "Run a study file: every table as Markdown, LaTeX, HTML, Word and Excel, plus results.json.") { study, output };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(study)!;
            var plan = StudyPlanner.Plan(StudyFileReader.Read(path));
            string directory = parse.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "output");
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
            stdout.WriteLine($"{plan.Tables.Count} tables written to {directory} ({outcome.Files.Count} files).");
            foreach (var file in outcome.Files) stdout.WriteLine("  " + Path.GetRelativePath(directory, file));
            foreach (var note in outcome.Notes) stdout.WriteLine("note: " + note);
            foreach (var (where, message) in StudyChecks.Grouped(outcome.Checks)) stdout.WriteLine($"check: {where}: {message}");
            return 0;
        });
        return command;
    }
}
