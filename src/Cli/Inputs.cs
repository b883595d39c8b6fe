using DmaActors.DeviceTree;
using DmaActors.Boards.Workloads;

namespace DmaActors.Cli;

/// <summary>Reads the user's files; every problem becomes a message on stderr (and exit code 2), never a crash.</summary>
internal static class Inputs
{
    public static bool TryLoad(FileInfo boardFile, FileInfo? workloadFile, TextWriter error, out DtTree? tree, out Workload? workload)
    {
        tree = null;
        workload = DemoScenario.Workload;
        try
        {
            if (!boardFile.Exists) return Fail(error, $"board file '{boardFile.FullName}' does not exist");
            tree = DtsFile.Load(boardFile.FullName);
        }
        catch (DtsSyntaxException bad)
        {
            return Fail(error, bad.Message);
        }
        return workloadFile is null || TryLoadWorkload(workloadFile, error, out workload);
    }

    public static bool TryLoadWorkload(FileInfo file, TextWriter error, out Workload? workload)
    {
        workload = null;
        if (!file.Exists) return Fail(error, $"workload file '{file.FullName}' does not exist");
        try
        {
            workload = Workload.Parse(File.ReadAllText(file.FullName), file.Name);
            return true;
        }
        catch (FormatException bad)
        {
            return Fail(error, bad.Message);
        }
    }

    private static bool Fail(TextWriter error, string message)
    {
        error.WriteLine($"dmactors: {message}");
        return false;
    }
}
