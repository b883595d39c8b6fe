using Xunit.Abstractions;

namespace DmaActors.Cluster.Tests;

/// <summary>A worker process killed in the middle: its items run again, and the answer is the same.</summary>
public sealed class KilledWorkerTests(ITestOutputHelper output) : RaceClusterTests(output)
{
    [Fact]
    public void A_worker_killed_in_the_middle_leaves_the_answer_unchanged_and_its_items_run_again()
    {
        using var cluster = new RaceCluster();
        var victim = cluster.Workers[1];
        // In the middle: the victim has finished some items and is running one.
        Assert.True(cluster.Coordinator.WaitForErrors(e => RunningOn(cluster.WorkerPorts[1]).IsMatch(e), Patience), "the victim never had an item in flight:\n" + cluster.Coordinator.Errors);

        victim.Kill();

        Assert.True(cluster.Coordinator.WaitForExit(Patience), "the coordinator did not finish within a minute:\n" + cluster.Coordinator.Errors);
        Report(cluster);
        Assert.Equal($"first failing seed: {Expected}", cluster.Coordinator.Output.Trim());
        Assert.Matches($@"worker 127\.0\.0\.1:{cluster.WorkerPorts[1]} lost \(unreachable\); re-issuing items \d+", cluster.Coordinator.Errors);
        Assert.DoesNotMatch(@" 0 re-issued", cluster.Coordinator.Errors);
        Assert.True(cluster.Workers[0].WaitForExit(Patience) && cluster.Workers[0].ExitCode == 0, cluster.Workers[0].Errors);
    }
}
