using System.CommandLine;
using System.Diagnostics;
using Panelwise.Cli.Output;
using Panelwise.Estimation;

namespace Panelwise.Cli.Commands;

/// <summary><c>panelwise fit DATA "FORMULA"</c>: OLS with absorbed fixed effects, or a panel model (<c>--model</c>),
/// with Stata-convention standard errors.</summary>
internal static class FitCommand
{
    private const string Conventions = """
        Conventions (Stata's): iid s2 = SSR/(N-K); hc1 = HC0*N/(N-K); cluster CR1 = G/(G-1)*(N-1)/(N-K) with t(G-1);
        two-way clustering (Cameron-Gelbach-Miller) with Gmin/(Gmin-1)*(N-1)/(N-K) and t(Gmin-1). K counts the
        coefficients (incl. _cons) and the absorbed fixed-effect levels (exact for two effects via connected
        components); effects nested in a cluster variable are not counted under clustering (xtreg fe / reghdfe).
        With fixed effects, _cons = ybar - xbar'b as reghdfe reports it. Singletons are dropped (reghdfe default).
        Panel models: fe = xtreg, fe (singletons kept); lsdv = regress y x i.id; re = xtreg, re (Swamy-Arora, Tbar =
        harmonic mean of T_i when unbalanced; z statistics); be = xtreg, be; fd = regress D.y D.x (gaps give no difference).
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shared = new FitArguments();
        var model = new Option<string>("--model") { Description = "ols (pooled, default) | fe | lsdv | re | be | fd; all but ols need --panel.", DefaultValueFactory = _ => "ols" };
        var showFe = new Option<bool>("--show-fe") { Description = "With --model lsdv: list the unit dummies' coefficients." };
        var command = new Command("fit", "Fit a linear model with absorbed fixed effects, or a panel model.\n\n" + Conventions);
        shared.AddTo(command);
        command.Options.Add(model);
        command.Options.Add(showFe);
        command.SetAction(parse =>
        {
            var options = shared.Options(parse, PanelModelNames.Parse(parse.GetValue(model)!), parse.GetValue(showFe));
            var clock = Stopwatch.StartNew();
            var frame = shared.ReadFrame(parse, options);
            double readSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var results = Regression.Fit(frame, parse.GetValue(shared.Formula)!, options);
            double fitSeconds = clock.Elapsed.TotalSeconds;
            if (parse.GetValue(shared.Json)) stdout.Write(JsonContract.Write(results) + "\n");
            else foreach (var r in results) stdout.WriteLine(TextTable.Write(r));
            if (parse.GetValue(shared.Timing))
            {
                var phases = results.SelectMany(r => r.Timings).GroupBy(t => t.Phase).Select(g => $"{g.Key} {g.Sum(t => t.Seconds):F3} s");
                stderr.WriteLine($"timing: read {readSeconds:F3} s, estimate {fitSeconds:F3} s ({frame.RowCount} rows; {string.Join(", ", phases)})");
            }
            return 0;
        });
        return command;
    }
}
