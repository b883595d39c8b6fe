namespace DmaActors.Cli;

/// <summary>
/// Checks, before anything runs, that every file and folder a command was asked to write can be
/// written: a bad path is bad input (exit 2) named up front, not a crash after the whole run.
/// </summary>
internal static class OutputPaths
{
    public static bool CanWrite(RunOptions options, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CanWriteFile("--trace", options.Trace, error) && CanWriteFile("--timeline", options.Timeline, error)
            && CanWriteFile("--log", options.Log, error) && CanWriteInto("--plot", options.Plot, error);
    }

    /// <summary>Whether <paramref name="file"/> (when given) can be created or overwritten; a file this made to find out is removed.</summary>
    public static bool CanWriteFile(string option, FileInfo? file, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (file is null) return true;
        return Try(option, file.FullName, error, () =>
        {
            bool existed = File.Exists(file.FullName);
            using (new FileStream(file.FullName, FileMode.OpenOrCreate, FileAccess.Write))
            {
            }
            if (!existed) File.Delete(file.FullName);
        });
    }

    /// <summary>Whether files can be written into <paramref name="directory"/> (when given), creating it if need be.</summary>
    public static bool CanWriteInto(string option, DirectoryInfo? directory, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (directory is null) return true;
        return Try(option, directory.FullName, error, () =>
        {
            Directory.CreateDirectory(directory.FullName);
            string probe = Path.Combine(directory.FullName, $".dmactors-{Guid.NewGuid():N}");
            using (File.Create(probe))
            {
            }
            File.Delete(probe);
        });
    }

    private static bool Try(string option, string path, TextWriter error, Action probe)
    {
        try
        {
            probe();
            return true;
        }
        catch (Exception bad) when (bad is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"dmactors: cannot write {option} '{path}': {bad.Message}");
            return false;
        }
    }
}
