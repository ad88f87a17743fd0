using Panelwise.Formula;
using Panelwise.Inference;
using Panelwise.IO;
using Panelwise.Models;
using Panelwise.Tests.Support;
using Xunit;

namespace Panelwise.Tests.Estimation;

/// <summary>The front door takes an already parsed formula, so a caller that parsed it to choose the columns to read
/// (the CLI's fit) does not parse it again: the same columns and the same results as from the text.</summary>
public class ParsedFormulaFitTests
{
    [Fact]
    public void AParsedFormulaFitsAsItsText()
    {
        const string text = "inv ~ csw(value, capital) | firm";
        var options = new FitOptions { Vcov = VcovSpec.Cluster("firm"), Panel = ("firm", "year") };
        var parsed = FormulaParser.Parse(text);
        Assert.Equal(Regression.RequiredColumns(text, options).Order(), Regression.RequiredColumns(parsed, options).Order());
        var frame = DataReader.Read(ReferencePath.Of("oracle", "data", "grunfeld.csv"));
        var fromText = Regression.Fit(frame, text, options);
        var fromParsed = Regression.Fit(frame, parsed, options);
        Assert.Equal(2, fromParsed.Count);
        for (int i = 0; i < fromText.Count; i++)
        {
            Assert.Equal(fromText[i].Fit.Formula, fromParsed[i].Fit.Formula);
            Assert.Equal(fromText[i].Coefficients, fromParsed[i].Coefficients);
        }
    }
}
