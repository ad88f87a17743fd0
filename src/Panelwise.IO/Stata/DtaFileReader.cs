using Panelwise.Data;

namespace Panelwise.IO.Stata;

internal static class DtaFileReader
{
    public static Frame Read(string path, ReadOptions options) => throw new NotImplementedException();
}
