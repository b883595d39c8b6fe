using DmaActors.DeviceTree;
using DmaActors.Boards.Workloads;

namespace DmaActors.Cli;

/// <summary>Reads the user's files; every problem becomes a message on stderr (and exit code 2), never a crash.</summary>
internal static class Inputs
{
    /// <summary>Reads the board (with cpp's and dtc's options) and the workload; no workload file: <paramref name="workload"/> is null, and the run makes its load from the board.</summary>
    public static bool TryLoad(FileInfo boardFile, FileInfo? workloadFile, DtsLoadOptions options, out DtTree? tree, out Workload? workload)
    {
        tree = null;
        workload = null;
        try
        {
            if (!boardFile.Exists) return Fail($"board file '{boardFile.FullName}' does not exist");
            tree = DtsFile.Load(boardFile.FullName, options);
        }
        catch (DtsSyntaxException bad)
        {
            return Fail(bad.Message);
        }
        catch (Exception bad) when (bad is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read board file '{boardFile.FullName}': {bad.Message}");
        }
        return workloadFile is null || TryLoadWorkload(workloadFile, out workload);
    }

    public static bool TryLoadWorkload(FileInfo file, out Workload? workload)
    {
        workload = null;
        if (!file.Exists) return Fail($"workload file '{file.FullName}' does not exist");
        try
        {
            workload = Workload.Parse(File.ReadAllText(file.FullName), file.Name);
            return true;
        }
        catch (FormatException bad)
        {
            return Fail(bad.Message);
        }
    }

    private static bool Fail(string message)
    {
        Console.Error.WriteLine($"dmactors: {message}");
        return false;
    }
}
