using System.Text;

namespace Panelwise.Tests.IO;

/// <summary>Per-test scratch directory; tests write their inputs here so nothing depends on shared data.</summary>
internal sealed class TempFiles : IDisposable
{
    public TempFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pw-io-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text, Encoding? encoding = null)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try { Directory.Delete(Root, true); } catch (IOException) { }
    }
}
