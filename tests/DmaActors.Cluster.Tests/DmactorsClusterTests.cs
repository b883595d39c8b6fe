using System.Globalization;
using Xunit.Abstractions;

namespace DmaActors.Cluster.Tests;

/// <summary>
/// The dmactors program itself over a cluster of its own processes: <c>explore --cluster</c> with
/// <c>dmactors worker</c>s prints exactly what the single-process <c>explore</c> prints, and
/// <c>bench arbitration --cluster</c> writes the same CSV files.
/// </summary>
public sealed class DmactorsClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Explore_over_a_coordinator_and_two_workers_prints_what_the_single_process_explore_prints()
    {
        string[] explore = ["explore", "--seeds", "10", "--ms", "0.01"];
        using var single = NodeProcess.Dmactors(explore);
        string at = $"127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
        using var coordinator = NodeProcess.Dmactors([.. explore, "--cluster", at]);
        using var first = NodeProcess.Dmactors("worker", "--join", at, "--slots", "1");
        using var second = NodeProcess.Dmactors("worker", "--join", at, "--slots", "1");

        Assert.True(single.WaitForExit(Patience), single.Errors);
        Assert.True(coordinator.WaitForExit(Patience), coordinator.Errors);
        output.WriteLine(coordinator.Errors);

        Assert.Equal(0, single.ExitCode);
        Assert.Equal(single.ExitCode, coordinator.ExitCode);
        Assert.Equal(single.Output, coordinator.Output);
        Assert.Contains("10/10 items done", coordinator.Errors, StringComparison.Ordinal);
        Assert.Matches("worker 127.0.0.1:[0-9]+ joined with 1 slots", coordinator.Errors);
        // A worker that starts after the job is over finds no one to join; disposing stops it.
    }

    [Fact]
    public void Bench_arbitration_over_a_cluster_writes_the_csv_files_the_single_process_run_writes()
    {
        string[] bench = ["bench", "arbitration", "--loads", "4", "--ms", "0.1", "--policies", "round-robin,fixed-priority", "--no-wall-time"]; // wall times differ between runs
        string alone = Directory.CreateTempSubdirectory("dmactors-bench-single-").FullName;
        string spread = Directory.CreateTempSubdirectory("dmactors-bench-cluster-").FullName;
        try
        {
            using var single = NodeProcess.Dmactors([.. bench, "--out", alone]);
            string at = $"127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
            using var coordinator = NodeProcess.Dmactors([.. bench, "--out", spread, "--cluster", at]);
            using var worker = NodeProcess.Dmactors("worker", "--join", at, "--slots", "2");

            Assert.True(single.WaitForExit(Patience), single.Errors);
            Assert.True(coordinator.WaitForExit(Patience), coordinator.Errors);
            output.WriteLine(coordinator.Errors);

            Assert.Equal(0, coordinator.ExitCode);
            Assert.Equal(single.Output, coordinator.Output);
            foreach (string csv in new[] { "arbitration.csv", "arbitration-channels.csv" })
            {
                Assert.Equal(File.ReadAllText(Path.Combine(alone, csv)), File.ReadAllText(Path.Combine(spread, csv)));
            }
            Assert.True(File.Exists(Path.Combine(spread, "latency.svg")));
        }
        finally
        {
            Directory.Delete(alone, recursive: true);
            Directory.Delete(spread, recursive: true);
        }
    }
}
