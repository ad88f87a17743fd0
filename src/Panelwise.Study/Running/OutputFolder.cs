namespace Panelwise.Study;

/// <summary>Writes a study's output into a new sibling folder and puts it in place of the old one only once every file
/// is written, so a failed run leaves an existing output folder exactly as it was. Entries of the old folder that the
/// run does not write (the user's own files, outputs of tables since removed) are kept: they move into the new folder
/// before it takes the old one's place. The swap is two renames within the parent folder (rename cannot replace a
/// non-empty folder), each undone if the next step fails.</summary>
public static class OutputFolder
{
    /// <summary>Runs <paramref name="write"/> on a fresh staging folder next to <paramref name="target"/>, then replaces
    /// <paramref name="target"/> with it; returns the written paths as they are under <paramref name="target"/>.
    /// On any failure the staging folder is deleted and <paramref name="target"/> is untouched.</summary>
    public static IReadOnlyList<string> Replace(string target, Func<string, IReadOnlyList<string>> write)
    {
        string full = CheckUsable(target);
        string parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        string staging = Sibling(full, "new");
        IReadOnlyList<string> files;
        try
        {
            Directory.CreateDirectory(staging);
            files = write(staging);
            Swap(full, staging);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
        return files.Select(f => Path.Combine(full, Path.GetRelativePath(staging, f))).ToList();
    }

    /// <summary>The full path of <paramref name="target"/> once it is known to be usable as an output folder: not a
    /// drive's root, not empty, not an existing file, and no file standing where one of its parent folders would be. Called before
    /// any estimation, so a bad --out costs nothing.</summary>
    public static string CheckUsable(string target)
    {
        if (string.IsNullOrWhiteSpace(target))
            throw new StudyException(["The output folder is empty: name a folder ({Output} DIR or the study's output)."]);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (Path.GetDirectoryName(full) is null)
            throw new StudyException([$"The output folder {target} cannot be the root of a drive: choose a folder."]);
        for (string? path = full; path is not null; path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
                throw new StudyException([path == full
                    ? $"The output folder {target} is an existing file: choose a folder ({{Output}} DIR or the study's output)."
                    : $"The output folder {target} cannot be created: {path} is a file, not a folder. Choose another folder."]);
        }
        return full;
    }

    private static void Swap(string target, string staging)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        var carried = CarryOver(target, staging);
        string old = Sibling(target, "old");
        try
        {
            Directory.Move(target, old);
        }
        catch
        {
            Return(carried, staging, target);
            throw;
        }
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(old, target);
            Return(carried, staging, target);
            throw;
        }
        TryDelete(old);
    }

    /// <summary>Moves the old folder's entries that the run did not write into the staging folder; returns their names.</summary>
    private static List<string> CarryOver(string target, string staging)
    {
        var moved = new List<string>();
        try
        {
            foreach (var entry in new DirectoryInfo(target).EnumerateFileSystemInfos())
            {
                string destination = Path.Combine(staging, entry.Name);
                if (entry is DirectoryInfo folder && Directory.Exists(destination))
                {
                    // A folder both runs write (plots/): carry over only what the new run did not write inside it.
                    foreach (var name in CarryOver(folder.FullName, destination)) moved.Add(Path.Combine(entry.Name, name));
                    continue;
                }
                if (File.Exists(destination) || Directory.Exists(destination)) continue;
                Move(entry.FullName, destination);
                moved.Add(entry.Name);
            }
        }
        catch
        {
            Return(moved, staging, target);
            throw;
        }
        return moved;
    }

    private static void Return(List<string> moved, string staging, string target)
    {
        foreach (var name in moved) Move(Path.Combine(staging, name), Path.Combine(target, name));
    }

    private static void Move(string from, string to)
    {
        if (Directory.Exists(from)) Directory.Move(from, to);
        else File.Move(from, to);
    }

    private static string Sibling(string target, string role) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.panelwise-{role}-{Guid.NewGuid():N}");

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
