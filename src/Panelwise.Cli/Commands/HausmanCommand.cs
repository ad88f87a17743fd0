using System.CommandLine;
using Panelwise.Render.Json;
using Panelwise.Render.Terminal;
using Panelwise.Estimation.Panel;
using Panelwise.Models;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise hausman DATA "FORMULA" --panel id,time</c>: fits xtreg, fe and xtreg, re on the same sample
/// and runs Stata's Hausman test (default, or <c>--sigmamore</c>). Takes the same arguments as <c>fit</c>.</summary>
internal static class HausmanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shared = new FitArguments();
        var sigmaMore = new Option<bool>("--sigmamore") { Description = "Base both covariances on the random-effects disturbance variance (Stata hausman, sigmamore)." };
        var command = new Command("hausman", "Hausman test of fixed against random effects (Stata: hausman fe re). Needs --panel id,time.\n\n" +
            "H = (b-B)'(V_b-V_B)^-1(b-B) over the common slopes, chi2 with df = rank(V_b-V_B); a note says when V_b-V_B is not positive definite.");
        shared.AddTo(command);
        command.Options.Add(sigmaMore);
        command.SetAction(parse =>
        {
            var options = shared.Options(parse);
            var frame = shared.ReadFrame(parse, options);
            var results = HausmanTest.Run(frame, parse.GetValue(shared.Formula)!, options, parse.GetValue(sigmaMore))
                .Select(r => r with { Consistent = r.Consistent.NamingSettings(CliFlags.Name), Efficient = r.Efficient.NamingSettings(CliFlags.Name) }).ToList();
            if (parse.GetValue(shared.Json)) stdout.Write(HausmanJson.Write(results) + "\n");
            else foreach (var r in results) stdout.WriteLine(HausmanText.Write(r));
            if (parse.GetValue(shared.Timing)) stderr.WriteLine("timing: not itemised for hausman (two fits).");
            return 0;
        });
        return command;
    }
}
