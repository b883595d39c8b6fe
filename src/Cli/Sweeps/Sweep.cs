using System.Security.Cryptography;
using System.Text;
using DmaActors.Cluster;

namespace DmaActors.Cli.Sweeps;

/// <summary>
/// The coordinator's side of a command run over a cluster: opens the record (the one named with
/// --resume, or one in the temp folder), runs the job, and turns what can go wrong into the
/// command-line contract (bad record: exit 2; the cluster lost: exit 4).
/// </summary>
internal static class Sweep
{
    /// <summary>Runs <paramref name="job"/>; null when it could not (said on stderr; <paramref name="exitCode"/> says how).</summary>
    public static CoordinatorOutcome? Run(ClusterEndpoint at, ClusterJob job, FileInfo? named, TextWriter error, out int exitCode, string refusalPrefix = "dmactors")
    {
        string path = named?.FullName ?? Path.Combine(Path.GetTempPath(), $"dmactors-cluster-{Hash(job.Identity)}.record");
        RecordFile record;
        try
        {
            record = RecordFile.Open(path, job);
        }
        catch (Exception bad) when (bad is FormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"dmactors: --resume: {bad.Message}");
            exitCode = ExitCodes.BadInput;
            return null;
        }
        CoordinatorOutcome outcome;
        using (record)
        {
            error.WriteLine($"cluster: finished runs are recorded in {record.Path}{(named is null ? $" (to go on after a lost coordinator, run the same command with --resume {record.Path})" : "")}");
            try
            {
                outcome = ClusterCoordinator.Run(at, job, record, error);
            }
            catch (ClusterLostException lost)
            {
                error.WriteLine($"dmactors: {lost.Message}");
                exitCode = ExitCodes.ClusterLost;
                return null;
            }
        }
        // A record of our own making has served its purpose once the job is done.
        if (named is null && outcome.Refusal is null) File.Delete(path);
        if (outcome.Refusal is { } refusal)
        {
            error.WriteLine($"{refusalPrefix}: {refusal}");
            exitCode = ExitCodes.BadInput;
            return null;
        }
        exitCode = ExitCodes.Success;
        return outcome;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
