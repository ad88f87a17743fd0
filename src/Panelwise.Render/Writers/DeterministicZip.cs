using System.IO.Compression;

namespace Panelwise.Render.Writers;

/// <summary>Re-packs an Office file (a zip) with every entry stamped 1980-01-01, so that writing the same table twice
/// gives identical bytes; the packaging library stamps entries with the current time.</summary>
internal static class DeterministicZip
{
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Repack(MemoryStream package, Stream destination)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = Epoch;
            using var input = entry.Open();
            using var output = copy.Open();
            input.CopyTo(output);
        }
    }
}
