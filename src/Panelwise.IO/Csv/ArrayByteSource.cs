namespace Panelwise.IO.Csv;

/// <summary>Bytes already in memory: transcoded UTF-16 files and tests.</summary>
internal sealed class ArrayByteSource(byte[] bytes) : ByteSource
{
    public override long Length => bytes.Length;

    public override T Use<T>(long start, int length, SpanFunc<T> use) => use(bytes.AsSpan((int)start, length));
}
