using Xunit;
using Panelwise.Cli;

namespace Panelwise.Tests.Cli;

/// <summary>Only typed input errors are reported as the user's; a library's ArgumentException is a bug in Panelwise and
/// must surface as an internal error (exit 3), never as "bad input" (exit 2).</summary>
public class ErrorChannelTests
{
    private static (int Exit, string Err) Run(Func<int> action)
    {
        var stderr = new StringWriter();
        int exit = CommandRunner.Run(stderr, action);
        return (exit, stderr.ToString());
    }

    [Fact]
    public void RunningOutOfMemoryNamesTheEnginePathInsteadOfAnInternalError()
    {
        var (exit, err) = Run(() => throw new OutOfMemoryException());
        Assert.Equal(CommandRunner.InputError, exit);
        Assert.Contains("not enough memory", err);
        Assert.Contains("duckdb://", err);
        Assert.DoesNotContain("internal error", err);
    }

    [Fact]
    public void UserInputErrorIsExitTwoWithItsMessage()
    {
        var (exit, err) = Run(() => throw new UserInputException("Column 'x' in a.csv, row 3: not a number.") { File = "a.csv", Row = 3, Column = "x" });
        Assert.Equal(CommandRunner.InputError, exit);
        Assert.Equal("panelwise: Column 'x' in a.csv, row 3: not a number.", err.Trim());
    }

    [Fact]
    public void ArgumentExceptionIsInternal()
    {
        if (Environment.GetEnvironmentVariable("PANELWISE_DEBUG") is not null) return;
        var (exit, err) = Run(() => throw new ArgumentException("Value cannot be null."));
        Assert.Equal(CommandRunner.InternalError, exit);
        Assert.Contains("internal error", err);
    }

    [Fact]
    public void AreaExceptionsAreUserInput()
    {
        Assert.IsAssignableFrom<UserInputException>(Panelwise.Estimation.EstimationException.EmptySample());
        Assert.IsAssignableFrom<UserInputException>(new Panelwise.Formula.FormulaException("y ~", 3, "", "a regressor is missing"));
        Assert.IsAssignableFrom<UserInputException>(new Panelwise.Study.StudyException(["study.yaml, line 2: bad"]));
    }
}
