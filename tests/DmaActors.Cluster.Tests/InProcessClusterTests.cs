using Xunit.Abstractions;

namespace DmaActors.Cluster.Tests;

/// <summary>
/// A coordinator and two workers as three Akka.NET cluster nodes in this process, talking over
/// Akka.Remote on 127.0.0.1, hunting the planted race over 2,000 seeds: when a worker leaves the
/// cluster in the middle (the graceful way; ProcessClusterTests kills one), its items run again
/// elsewhere and the first failing seed is still the one a single process finds.
/// </summary>
public sealed class InProcessClusterTests(ITestOutputHelper output)
{
    private const int Seeds = 2000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_worker_that_leaves_in_the_middle_has_its_items_run_again_and_the_answer_is_the_same()
    {
        ulong? expected = PlantedOrderRace.FirstFailingSeedInOneProcess(Seeds);

        var (outcome, progress, workers) = Hunt(leaveAfter: 3);

        output.WriteLine(progress);
        Assert.Equal(expected, (ulong?)(outcome.LowestFailure + 1));
        Assert.Matches(@"lost \((left|removed from the cluster|unreachable)\); re-issuing items \d+", progress);
        Assert.True(outcome.Reissued >= 1, $"{outcome.Reissued} items re-issued");
        Assert.False(workers[1].JobDone);
        Assert.True(workers[0].JobDone, workers[0].Message);
    }

    /// <summary>Runs the hunt; the second worker leaves while running its item number <paramref name="leaveAfter"/> + 1, if given.</summary>
    private static (CoordinatorOutcome Outcome, string Progress, WorkerOutcome[] Workers) Hunt(int? leaveAfter)
    {
        var at = new ClusterEndpoint("127.0.0.1", FreePort.Next());
        var job = new ClusterJob("planted-race", [], Seeds, StopAtFirstFailure: true);
        string path = Path.Combine(Path.GetTempPath(), $"dmactors-cluster-test-{Guid.NewGuid():N}.record");
        var text = new StringWriter();
        var progress = TextWriter.Synchronized(text);
        try
        {
            using var record = RecordFile.Open(path, job);
            var coordinator = Task.Run(() => ClusterCoordinator.Run(at, job, record, progress));
            using var leave = new CancellationTokenSource();
            var steady = Task.Run(() => ClusterWorker.Run(at, new ClusterEndpoint("127.0.0.1", 0), 1, _ => new PlantedOrderRace(), Patience));
            var leaving = Task.Run(() => ClusterWorker.Run(at, new ClusterEndpoint("127.0.0.1", 0), 1, _ => new LeavingRunner(new PlantedOrderRace(), leaveAfter, leave), Patience, leave.Token));
            Assert.True(coordinator.Wait(Patience), "the coordinator did not finish within a minute");
            Assert.True(Task.WaitAll([steady, leaving], Patience), "a worker did not end within a minute");
            return (coordinator.Result, text.ToString(), [steady.Result, leaving.Result]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs items until the given count, then asks its worker to leave and holds the next item until it has.</summary>
    private sealed class LeavingRunner(IWorkRunner inner, int? leaveAfter, CancellationTokenSource leave) : IWorkRunner
    {
        private int _started;

        public ItemResult Run(int item)
        {
            if (Interlocked.Increment(ref _started) == leaveAfter + 1)
            {
                leave.Cancel();
                Thread.Sleep(TimeSpan.FromSeconds(2));
            }
            return inner.Run(item);
        }
    }
}
