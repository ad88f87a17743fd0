using System.Text.Json;
using Panelwise.Data;
using Panelwise.Estimation;
using Panelwise.IO;
using Panelwise.Tests.Cli;
using Panelwise.Tests.IO;
using Panelwise.Tests.Support;
using Xunit;
using Panelwise.Models;

namespace Panelwise.Tests.Data;

/// <summary>Stata dates as the panel time (tests/reference/io/make-dates.R writes the .dta files with haven and foreign
/// and the expected slopes of x ~ l(x, 1)). Convention, as xtset's default delta(1): a %td/%tm/%tq/%ty value is a
/// whole number of days/months/quarters/years, so the lag is one such unit earlier; a %tc value is milliseconds and its
/// period is the common step of the gaps between timestamps (daily timestamps: one day, as delta(1 day)).</summary>
public sealed class StataDatePanelTests : IDisposable
{
    private readonly TempFiles _files = new();
    private static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(ReferencePath.Of("io", "dates.json"))).RootElement.GetProperty("expected_slope");

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("dates118.dta", "day", "%td")]
    [InlineData("dates118.dta", "month", "%tm")]
    [InlineData("dates118.dta", "quart", "%tq")]
    [InlineData("dates118.dta", "year", "%ty")]
    [InlineData("dates118.dta", "clockd", "%tc")]
    public void StataDatesAreThePanelTimeInPeriodsOfTheirFormat(string file, string time, string format)
    {
        var frame = DataReader.Read(ReferencePath.Of("io", file));
        Assert.Equal(format, frame.Numeric(time).DisplayFormat);
        var r = Assert.Single(Regression.Fit(frame, "x ~ l(x, 1)", new FitOptions { Panel = ("id", time) }));
        Assert.Equal(Expected.GetProperty("n_with_lag").GetInt32(), r.Nobs);
        OracleCases.Near(Expected.GetProperty(time).GetDouble(), r.Coefficients[0].Estimate, $"{file} {time} slope");
    }

    [Fact]
    public void YearlyTimestampsAreDaysApart()
    {
        // 2015-01-01 ... 2020-01-01 at midnight: gaps of 365 and 366 days share the step 1 day, so no timestamp has a lag
        // (as xtset with delta(1 day) or the default 1 ms); a year column is what such data need.
        var frame = DataReader.Read(ReferencePath.Of("io", "dates118.dta"));
        var periods = PanelTime.InPeriods(frame, "clocky").Numeric("clocky").Values;
        Assert.Equal([0.0, 365, 731, 1096, 1461, 1826], periods.Take(6).ToArray());
        var ex = Assert.Throws<DataException>(() => Regression.Fit(frame, "x ~ l(x, 1)", new FitOptions { Panel = ("id", "clocky") }));
        Assert.Contains("every row has a missing value in l(x, 1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LegacyFormatsAreReadAtTheirOffset()
    {
        // Format 114 keeps 49-byte formats after the sort list; the writer gives every variable %9.0g.
        var frame = DataReader.Read(_files.WriteBytes("t.dta", Dta114Writer.Write(littleEndian: false)));
        Assert.Equal("%9.0g", frame.Numeric("d").DisplayFormat);
        Assert.Equal(1.0, frame.Numeric("b").Values[0]);
    }

    [Fact]
    public void DatesAsTextAreAClearError()
    {
        string csv = _files.Write("d.csv", "id,date,x\n1,2015-01-01,1\n1,2016-01-01,2\n2,2015-01-01,3\n2,2016-01-01,5\n");
        var (exit, _, stderr) = CliRunner.Run("fit", csv, "x ~ l(x, 1)", "--panel", "id,date");
        Assert.Equal(2, exit);
        Assert.Contains("Panel time column 'date'", stderr, StringComparison.Ordinal);
        Assert.Contains("holds dates as text (e.g. '2015-01-01')", stderr, StringComparison.Ordinal);
        Assert.Contains("Add a column with the period", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MillisecondsWithoutTheirFormatAreAClearError()
    {
        string csv = _files.Write("t.csv", "id,t,x\n1,1735689600000,1\n1,1735776000000,2\n2,1735689600000,3\n2,1735776000000,5\n");
        var (exit, _, stderr) = CliRunner.Run("fit", csv, "x ~ l(x, 1)", "--panel", "id,t");
        Assert.Equal(2, exit);
        Assert.Contains("in row 1", stderr, StringComparison.Ordinal);
        Assert.Contains("%tc", stderr, StringComparison.Ordinal);
    }
}
