using Panelwise.Data;

namespace Panelwise.IO.ParquetFiles;

internal static class ParquetFileReader
{
    public static Frame Read(string path, ReadOptions options) => throw new NotImplementedException();
}
