using System.CommandLine;
using Panelwise.Cli.Output;
using Panelwise.Render.Json;
using Panelwise.Render.Terminal;
using Panelwise.Methods.Mediation;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise mediate DATA --y Y --x X --m M [--controls "c1 + c2"] [--fe "id + year"] [--bootstrap B --seed S]</c>:
/// Baron-Kenny mediation with the same --if, --panel and covariance options as fit.</summary>
internal static class MediateCommand
{
    private const string Conventions = """
        Equations (one common sample, the same controls, fixed effects and covariance): total Y ~ X (c); X -> M: M ~ X (a);
        outcome Y ~ X + M (b, direct c'). Indirect effect a*b; Sobel SE^2 = b^2 sa^2 + a^2 sb^2, Aroian adds sa^2 sb^2,
        Goodman subtracts it; z tests. Share = a*b / c. Several mediators (--m "m1 + m2"): each alone and all jointly.
        Bootstrap: B resamples of cases (of clusters when --vcov cluster), refitted; percentile and bias-corrected 95% CI.
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shared = new FitArguments();
        var y = new Option<string>("--y") { Description = "Outcome Y (column or expression).", Required = true };
        var x = new Option<string>("--x") { Description = "Treatment X.", Required = true };
        var m = new Option<string>("--m") { Description = "Mediator(s): \"m\" or \"m1 + m2\".", Required = true };
        var controls = new Option<string?>("--controls") { Description = "Control terms, e.g. \"c1 + log(c2)\"." };
        var fe = new Option<string?>("--fe") { Description = "Fixed effects to absorb, e.g. \"id + year\"." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap replications for the CI of a*b (0 = none).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap draws.", DefaultValueFactory = _ => 12345 };
        var command = new Command("mediate", "Mediation analysis: Baron-Kenny steps, Sobel/Aroian/Goodman tests, bootstrap CI.\n\n" + Conventions);
        shared.AddTo(command, withFormula: false);
        foreach (Option o in (Option[])[y, x, m, controls, fe, bootstrap, seed]) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var spec = new MediationSpec
            {
                Outcome = parse.GetValue(y)!,
                Treatment = parse.GetValue(x)!,
                Mediators = parse.GetValue(m)!.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Controls = parse.GetValue(controls),
                FixedEffects = parse.GetValue(fe),
                BootstrapReps = parse.GetValue(bootstrap),
                Seed = parse.GetValue(seed),
            };
            if (spec.BootstrapReps < 0) throw new UserInputException("--bootstrap needs a non-negative number of replications.");
            var options = shared.Options(parse);
            string joint = $"{spec.Outcome} ~ {string.Join(" + ", [spec.Treatment, .. spec.Mediators])}"
                           + (spec.Controls is null ? "" : " + " + spec.Controls) + (spec.FixedEffects is null ? "" : " | " + spec.FixedEffects);
            var frame = shared.ReadFrame(parse, options, formula: joint);
            var progress = InteractiveProgress.ForTerminal(stderr);
            MediationResult result;
            try
            {
                result = MediationAnalysis.Run(frame, spec, options, progress);
            }
            finally
            {
                progress?.Clear();
            }
            stdout.Write(parse.GetValue(shared.Json) ? MediationJson.Write(result) + "\n" : MediationText.Write(result, spec));
            return 0;
        });
        return command;
    }
}
