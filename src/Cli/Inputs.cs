using DmaActors.Api;
using DmaActors.DeviceTree;
using DmaActors.Boards.Workloads;

namespace DmaActors.Cli;

/// <summary>Reads the user's files; every problem becomes a message on stderr (and exit code 2), never a crash.</summary>
internal static class Inputs
{
    /// <summary>Reads the board (with cpp's and dtc's options) and the workload; no workload file: <paramref name="workload"/> is null, and the run makes its load from the board.</summary>
    public static bool TryLoad(FileInfo boardFile, FileInfo? workloadFile, DtsLoadOptions options, TextWriter error, out DtTree? tree, out Workload? workload)
    {
        ArgumentNullException.ThrowIfNull(boardFile);
        tree = null;
        workload = null;
        if (Missing("board", boardFile, error)) return false;
        try
        {
            tree = DtsFile.Load(boardFile.FullName, options);
        }
        catch (Exception bad) when (bad is DtsSyntaxException or IOException or UnauthorizedAccessException)
        {
            return Fail(error, bad is DtsSyntaxException ? bad.Message : $"cannot read board file '{boardFile.FullName}': {bad.Message}");
        }
        return workloadFile is null || TryLoadWorkload(workloadFile, error, out workload);
    }

    public static bool TryLoadWorkload(FileInfo file, TextWriter error, out Workload? workload)
    {
        ArgumentNullException.ThrowIfNull(file);
        workload = null;
        if (Missing("workload", file, error)) return false;
        try
        {
            workload = Workload.Parse(File.ReadAllText(file.FullName), file.Name);
            return true;
        }
        catch (Exception bad) when (bad is FormatException or IOException or UnauthorizedAccessException)
        {
            return Fail(error, bad is FormatException ? bad.Message : $"cannot read workload file '{file.FullName}': {bad.Message}");
        }
    }

    /// <summary>
    /// Whether <paramref name="thrown"/>, escaping a run, is the user's input refused (exit 2) rather
    /// than a bug (exit 3): a dmaengine refusal (the board or workload asks what the kernel would
    /// refuse), a workload that does not fit, a device tree that does not parse.
    /// </summary>
    public static bool IsBadInput(Exception thrown) => thrown is DmaException or FormatException or DtsSyntaxException or BoardProblemsException or Mapping.DmaMappingException;

    /// <summary>Whether <paramref name="file"/> is not there to read (said on stderr), telling a folder from a missing file.</summary>
    private static bool Missing(string what, FileInfo file, TextWriter error)
    {
        string? problem = Directory.Exists(file.FullName) ? "is a directory, not a file" : file.Exists ? null : "does not exist";
        if (problem is null) return false;
        Fail(error, $"{what} file '{file.FullName}' {problem}");
        return true;
    }

    private static bool Fail(TextWriter error, string message)
    {
        error.WriteLine($"dmactors: {message}");
        return false;
    }
}
