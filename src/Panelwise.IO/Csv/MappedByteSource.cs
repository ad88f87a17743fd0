using System.IO.MemoryMappedFiles;

namespace Panelwise.IO.Csv;

/// <summary>A memory-mapped file. Each range gets its own short-lived view, so only the chunks being parsed
/// count towards the process's resident memory, not the whole file.</summary>
internal sealed class MappedByteSource : ByteSource
{
    private readonly MemoryMappedFile _file;

    public MappedByteSource(string path, long length)
    {
        Length = length;
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
    }

    public override long Length { get; }

    public override unsafe T Use<T>(long start, int length, SpanFunc<T> use)
    {
        if (length == 0) return use([]);
        using var view = _file.CreateViewAccessor(start, length, MemoryMappedFileAccess.Read);
        byte* ptr = null;
        var handle = view.SafeMemoryMappedViewHandle;
        handle.AcquirePointer(ref ptr);
        try
        {
            return use(new ReadOnlySpan<byte>(ptr + view.PointerOffset, length));
        }
        finally
        {
            handle.ReleasePointer();
        }
    }

    public override void Dispose() => _file.Dispose();
}
