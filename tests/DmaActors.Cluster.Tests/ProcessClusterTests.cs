using Xunit.Abstractions;

namespace DmaActors.Cluster.Tests;

/// <summary>Three processes find the first failing seed of 2,000 that one process finds.</summary>
public sealed class ProcessClusterTests(ITestOutputHelper output) : RaceClusterTests(output)
{
    [Fact]
    public void Three_processes_find_the_same_first_failing_seed_as_one_process()
    {
        using var cluster = new RaceCluster();

        Assert.True(cluster.Coordinator.WaitForExit(Patience), "the coordinator did not finish within a minute:\n" + cluster.Coordinator.Errors);
        Report(cluster);

        Assert.Equal($"first failing seed: {Expected}", cluster.Coordinator.Output.Trim());
        Assert.All(cluster.Workers, w => Assert.True(w.WaitForExit(Patience) && w.ExitCode == 0, w.Errors));
    }
}
