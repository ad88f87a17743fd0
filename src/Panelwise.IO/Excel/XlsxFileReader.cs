using Panelwise.Data;

namespace Panelwise.IO.Excel;

internal static class XlsxFileReader
{
    public static Frame Read(string path, ReadOptions options) => throw new NotImplementedException();
}
