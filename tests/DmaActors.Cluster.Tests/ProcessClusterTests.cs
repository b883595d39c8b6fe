using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace DmaActors.Cluster.Tests;

/// <summary>
/// Three nodes on 127.0.0.1 as separate processes (this assembly run as a program: a coordinator
/// and two workers) hunt the planted race over 2,000 seeds: the first failing seed is the one a
/// single process finds, also when a worker is killed in the middle, whose items then run again.
/// </summary>
public sealed partial class ProcessClusterTests(ITestOutputHelper output)
{
    private const int Seeds = 2000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly Lazy<ulong?> Expected = new(() => PlantedOrderRace.FirstFailingSeedInOneProcess(Seeds));

    [Fact]
    public void Three_processes_find_the_same_first_failing_seed_as_one_process()
    {
        using var cluster = new RaceCluster();

        Assert.True(cluster.Coordinator.WaitForExit(Patience), "the coordinator did not finish within a minute:\n" + cluster.Coordinator.Errors);
        Report(cluster);

        Assert.Equal($"first failing seed: {Expected.Value}", cluster.Coordinator.Output.Trim());
        Assert.All(cluster.Workers, w => Assert.True(w.WaitForExit(Patience) && w.ExitCode == 0, w.Errors));
    }

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
        Assert.Equal($"first failing seed: {Expected.Value}", cluster.Coordinator.Output.Trim());
        Assert.Matches($@"worker 127\.0\.0\.1:{cluster.WorkerPorts[1]} lost \(unreachable\); re-issuing items \d+", cluster.Coordinator.Errors);
        Assert.DoesNotMatch(@" 0 re-issued", cluster.Coordinator.Errors);
        Assert.True(cluster.Workers[0].WaitForExit(Patience) && cluster.Workers[0].ExitCode == 0, cluster.Workers[0].Errors);
    }

    /// <summary>A progress line where the worker at <paramref name="port"/> has finished at least 5 items and runs one.</summary>
    private static Regex RunningOn(int port) => new($@"127\.0\.0\.1:{port} ([5-9]|\d\d+) done 1 running");

    private void Report(RaceCluster cluster)
    {
        output.WriteLine($"single process: first failing seed {Expected.Value}");
        output.WriteLine("coordinator stderr:\n" + cluster.Coordinator.Errors);
        for (int i = 0; i < cluster.Workers.Length; i++) output.WriteLine($"worker {i} stderr:\n{cluster.Workers[i].Errors}");
    }

    /// <summary>A coordinator and two workers, each a process; all killed on dispose if still running.</summary>
    private sealed class RaceCluster : IDisposable
    {
        private readonly string _record = Path.Combine(Path.GetTempPath(), $"dmactors-cluster-test-{Guid.NewGuid():N}.record");

        public RaceCluster()
        {
            int port = FreePort.Next();
            WorkerPorts = [FreePort.Next(), FreePort.Next()];
            Coordinator = NodeProcess.TestProgram("coordinator", port.ToString(System.Globalization.CultureInfo.InvariantCulture), Seeds.ToString(System.Globalization.CultureInfo.InvariantCulture), _record);
            Workers = [.. WorkerPorts.Select(p => NodeProcess.TestProgram("worker", port.ToString(System.Globalization.CultureInfo.InvariantCulture), p.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        }

        public NodeProcess Coordinator { get; }

        public NodeProcess[] Workers { get; }

        public int[] WorkerPorts { get; }

        public void Dispose()
        {
            foreach (var worker in Workers) worker.Dispose();
            Coordinator.Dispose();
            File.Delete(_record);
        }
    }
}
