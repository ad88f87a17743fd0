using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using Panelwise.IO;
using Xunit;

namespace Panelwise.Tests.IO;

public class NumberParserTests
{
    private static bool SameAsRuntime(string s)
    {
        bool ok = NumberParser.TryParse(Encoding.ASCII.GetBytes(s), out double mine);
        double expected = double.Parse(s, CultureInfo.InvariantCulture);
        return ok && BitConverter.DoubleToInt64Bits(mine) == BitConverter.DoubleToInt64Bits(expected);
    }

    [Property(MaxTest = 3000)]
    public bool RoundTripsAnyDouble(double d) =>
        !double.IsFinite(d) || (SameAsRuntime(d.ToString("R", CultureInfo.InvariantCulture))
                                && SameAsRuntime(d.ToString("E16", CultureInfo.InvariantCulture)));

    [Property(MaxTest = 3000)]
    public bool DecimalStringsMatchRuntime(long mantissa, byte fractionDigits, sbyte exponent, bool useExponent)
    {
        string digits = Math.Abs(mantissa % 100_000_000_000_000_000L).ToString(CultureInfo.InvariantCulture);
        int f = fractionDigits % (digits.Length + 3);
        string body = f == 0 ? digits : digits.PadLeft(f + 1, '0').Insert(digits.PadLeft(f + 1, '0').Length - f, ".");
        string s = (mantissa < 0 ? "-" : "") + body + (useExponent ? $"e{exponent}" : "");
        return SameAsRuntime(s);
    }

    [Theory]
    [InlineData("-0.123456")]
    [InlineData("9007199254740993")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("0.1000000000000000055511151231257827")]
    [InlineData("1e-400")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("-0")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("+3E+02")]
    public void EdgeCases(string s) => Assert.True(SameAsRuntime(s));

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("12abc")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    public void RejectsNonNumbers(string s) => Assert.False(NumberParser.TryParse(Encoding.ASCII.GetBytes(s), out _));
}
