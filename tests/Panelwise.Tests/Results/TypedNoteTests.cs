using Panelwise.Models;
using System.Globalization;
using System.Text;
using Panelwise.Cli;
using Panelwise.Estimation;
using Panelwise.IO;
using Panelwise.Tests.Cli;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Results;

/// <summary>Notes are typed (kind, stable code, the columns they concern, text), so a table or a check can group them
/// without reading their words; the text is what the renderers print, unchanged.</summary>
public class TypedNoteTests
{
    /// <summary>y ~ x1 + x2 + x3 | g, with x3 = x1 + x2 (collinear) and two levels of g seen once (singletons).</summary>
    private static IReadOnlyList<Note> CollinearWithSingletons()
    {
        var csv = new StringBuilder("y,x1,x2,x3,g\n");
        for (int i = 0; i < 40; i++)
        {
            double x1 = Math.Sin(i + 1), x2 = Math.Cos(3 * i), y = 1 + 2 * x1 - x2 + 0.1 * Math.Sin(7 * i);
            int g = i < 38 ? i % 5 : 10 + i; // rows 38 and 39: levels 48 and 49, one row each
            csv.Append(CultureInfo.InvariantCulture, $"{y},{x1},{x2},{x1 + x2},{g}\n");
        }
        var frame = DataReader.Read(CliRunner.TempCsv("notes.csv", csv.ToString()));
        return Assert.Single(Regression.Fit(frame, "y ~ x1 + x2 + x3 | g")).Notes;
    }

    [Fact]
    public void NotesGroupByKindAndCode()
    {
        var notes = CollinearWithSingletons();
        var byKind = notes.GroupBy(n => n.Kind).ToDictionary(g => g.Key, g => g.Select(n => n.Code).ToList());
        Assert.Equal(["singletons"], byKind[NoteKind.Sample]);
        Assert.Equal(["collinear"], byKind[NoteKind.Collinearity]);
        Assert.Equal(["absorbed"], byKind[NoteKind.FixedEffects]);

        var singletons = Assert.Single(notes, n => n.Code == "singletons");
        Assert.Equal("2 singleton observation(s) dropped (alone in a fixed-effect level; reghdfe default).", singletons.Text);
        var collinear = Assert.Single(notes, n => n.Code == "collinear");
        Assert.Equal(["x3"], collinear.Columns);
        Assert.Equal("x3 omitted because of collinearity.", collinear.Text);
        Assert.Equal(collinear.Text, collinear.ToString());
    }

    [Fact]
    public void NotesNameSettingsInTheFrontEndsTerms()
    {
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var r = Assert.Single(Regression.Fit(frame, "inv ~ value + capital",
            new FitOptions { Panel = ("firm", "year"), Model = PanelModel.FixedEffects, Vcov = Panelwise.Inference.VcovSpec.Heteroskedastic(1) }));
        var robust = Assert.Single(r.Notes, n => n.Code == "robust_is_clustered");
        Assert.Equal(NoteKind.Inference, robust.Kind);
        Assert.Equal(["firm"], robust.Columns);
        Assert.StartsWith("FitOptions.Vcov robust with FitOptions.Model fe is clustered by firm", robust.Text);
        Assert.EndsWith("y ~ x | firm FitOptions.Vcov hc1.", robust.Text);
        var cli = Assert.Single(r.NamingSettings(CliFlags.Name).Notes, n => n.Code == "robust_is_clustered");
        Assert.Equal("--vcov robust with --model fe is clustered by firm, as xtreg, fe vce(robust) (which is vce(cluster firm)); " +
                     "for HC1 without clustering use the pooled model with absorbed effects: y ~ x | firm --vcov hc1.", cli.Text);
        Assert.Equal("homoskedastic F test, as xtreg computes it (it does not use --vcov)",
            r.NamingSettings(CliFlags.Name).Tests["f_u"].Note!.Text);
    }

    [Fact]
    public void TheCliPrintsNotesWithItsFlags()
    {
        var (exit, stdout, _) = CliRunner.Run("fit", ReferencePath.Of("oracle", "data", "grunfeld.csv"), "inv ~ value + capital",
            "--panel", "firm,year", "--model", "lsdv");
        Assert.Equal(0, exit);
        Assert.Contains("Note: 9 unit dummies (firm::*) estimated but not shown; --show-fe lists them.", stdout);
    }
}
