namespace Panelwise.IO.Csv;

internal delegate T SpanFunc<out T>(ReadOnlySpan<byte> span);

/// <summary>The file's bytes, handed out a range at a time so a huge file never has to sit in managed memory.</summary>
internal abstract class ByteSource : IDisposable
{
    public abstract long Length { get; }

    /// <summary>Runs <paramref name="use"/> on bytes [start, start + length); the span is only valid inside the call.</summary>
    public abstract T Use<T>(long start, int length, SpanFunc<T> use);

    public virtual void Dispose() { }
}
