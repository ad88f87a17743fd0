using System.CommandLine;
using System.Diagnostics;
using Panelwise.Formula;
using Panelwise.Cli.Output;
using Panelwise.Render.Terminal;
using Panelwise.Render.Json;
using Panelwise.Estimation;
using Panelwise.Estimation.Panel;
using Panelwise.Inference.Bootstrap;
using Panelwise.Results;
using Panelwise.Estimation.IV;
using Panelwise.Models;
using Panelwise.IO.Engines;

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
        dk = Driscoll-Kraay (xtscc: Bartlett, lag floor(4(T/100)^(2/9)), no finite-sample factor, t(T-1));
        nw = Newey-West within units (Stata newey: N/(N-K), t(N-K)). IV: nw:m = ivreg2 bw(m+1) robust, dk:m = ivreg2
        dkraay(m+1) (small: T/(T-1)*(N-1)/(N-K), t(T-1)). --no-small: ivreg2/ivregress without small (s2 = SSR/N, no
        factor on robust/cluster/HAC, z and chi2; absorbed FE levels as dofminus).
        Panel models: fe = xtreg, fe (singletons kept); lsdv = regress y x i.id; re = xtreg, re (Swamy-Arora, Tbar =
        harmonic mean of T_i when unbalanced; z statistics); be = xtreg, be; fd = regress D.y D.x (gaps give no difference);
        fgls = xtgls (two-step, rho by rhotype(regress), z statistics).
        """;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shared = new FitArguments();
        var model = new Option<string>("--model") { Description = "ols (pooled, default) | fe | lsdv | re | be | fd | fgls; all but ols need --panel.", DefaultValueFactory = _ => "ols" };
        var showFe = new Option<bool>("--show-fe") { Description = "With --model lsdv: list the unit dummies' coefficients." };
        var glsPanels = new Option<string?>("--panels") { Description = "fgls error variance across panels: iid | hetero | correlated (xtgls panels())." };
        var glsCorr = new Option<string?>("--corr") { Description = "fgls autocorrelation: independent | ar1 | psar1 (xtgls corr(); rho by rhotype(regress))." };
        var wildboot = new Option<string?>("--wildboot") { Description = "Wild cluster restricted bootstrap per coefficient (boottest): B or B:webb replications; needs --vcov cluster:VAR." };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap draws.", DefaultValueFactory = _ => 42 };
        var estimator = new Option<string>("--estimator") { Description = "IV estimator for \"y ~ x | fe | endo ~ z\": 2sls | liml | gmm2s (ivreg2 two-step GMM) | gmm (Stata ivregress gmm: covariance from the final GMM residuals).", DefaultValueFactory = _ => "2sls" };
        var firstStage = new Option<bool>("--first-stage") { Description = "IV: report the first stages (coefficients, F, partial and Shea R2, Sanderson-Windmeijer F)." };
        var endog = new Option<string?>("--endog") { Description = "IV: endogenous regressors tested by the C (difference-in-Sargan) test, \"x1,x2\" (default: all)." };
        var noSmall = new Option<bool>("--no-small") { Description = "Large-sample conventions of ivreg2/ivregress without small (OLS and IV): s2 = SSR/N, no small-sample factor on robust, cluster and HAC covariances, z and chi2 statistics." };
        var dropOutliers = new Option<double?>("--drop-outliers") { Description = "Refit without observations whose standardised residual sqrt(w)|e|/s exceeds this (e.g. 3); s = root MSE; a note counts them." };
        var command = new Command("fit", "Fit a linear model with absorbed fixed effects, or a panel model.\n\n" + Conventions);
        shared.AddTo(command);
        foreach (Option o in (Option[])[model, showFe, glsPanels, glsCorr, wildboot, seed, estimator, firstStage, endog, noSmall, dropOutliers]) command.Options.Add(o);
        command.SetAction(parse =>
        {
            string modelName = parse.GetValue(model)!.Trim().ToLowerInvariant();
            var options = shared.Options(parse, PanelModelNames.Parse(modelName), parse.GetValue(showFe)) with
            {
                Iv = new IvOptions
                {
                    Estimator = IvOptions.ParseEstimator(parse.GetValue(estimator)!),
                    EndogeneityTest = parse.GetValue(endog)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                },
                DropOutliers = parse.GetValue(dropOutliers),
            };
            if (parse.GetValue(noSmall))
            {
                if (options.Model != PanelModel.Ols)
                    throw new UserInputException($"--no-small applies to OLS and IV fits (ivreg2/ivregress conventions); --model {modelName} follows Stata's xt command: drop --no-small.");
                options = options with { Vcov = options.Vcov with { Small = false } };
            }
            string? panels = parse.GetValue(glsPanels), corr = parse.GetValue(glsCorr);
            if (options.Model != PanelModel.Fgls && (panels is not null || corr is not null)) throw new UserInputException("--panels and --corr belong to --model fgls.");
            var clock = Stopwatch.StartNew();
            string formula = parse.GetValue(shared.Formula)!;
            var parsed = FormulaParser.Parse(formula);   // once: for the columns to read and for the fit
            // A table on a database engine is fitted there when the model allows (rows never fetched); else it is read.
            var pushed = parse.GetValue(wildboot) is null ? EngineFit.TryPushdown(parse.GetValue(shared.Data)!, formula, options) : null;
            var frame = pushed is null ? shared.ReadFrame(parse, options, parsed: parsed) : null;
            double readSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            if (options.Model == PanelModel.Fgls) options = options with { Fgls = FglsOptions.Parse(panels, corr) };
            IReadOnlyList<RegressionResult> results = (pushed is not null ? [pushed]
                    : Regression.Fit(frame!, parsed, options with { OverwriteData = true })) // the frame is not read again
                .Select(r => r.NamingSettings(CliFlags.Name)).ToList();
            if (parse.GetValue(wildboot) is { } boot)
                results = Bootstrap(results, WildBootstrapSpec.Parse(boot, parse.GetValue(seed)), stderr);
            double fitSeconds = clock.Elapsed.TotalSeconds;
            bool showFirst = parse.GetValue(firstStage);
            if (parse.GetValue(shared.Json)) stdout.Write(JsonContract.Write(results, showFirst) + "\n");
            else foreach (var r in results) stdout.WriteLine(RegressionText.Write(r, showFirst));
            if (parse.GetValue(shared.Timing))
            {
                var phases = results.SelectMany(r => r.Timings).GroupBy(t => t.Phase).Select(g => $"{g.Key} {g.Sum(t => t.Seconds):F3} s");
                stderr.WriteLine($"timing: read {readSeconds:F3} s, estimate {fitSeconds:F3} s ({frame?.RowCount ?? results[0].Nobs} rows; {string.Join(", ", phases)})");
            }
            return 0;
        });
        return command;
    }

    private static IReadOnlyList<RegressionResult> Bootstrap(IReadOnlyList<RegressionResult> results, WildBootstrapSpec spec, TextWriter stderr)
    {
        var progress = InteractiveProgress.ForTerminal(stderr);
        try
        {
            return results.Select(r => r.With(wildBootstrap: WildClusterBootstrap.Run(r, spec, progress))).ToList();
        }
        finally
        {
            progress?.Clear();
        }
    }
}
