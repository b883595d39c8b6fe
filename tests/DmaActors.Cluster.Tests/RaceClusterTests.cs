using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace DmaActors.Cluster.Tests;

/// <summary>
/// What the planted-race process tests share: three nodes on 127.0.0.1 as separate processes
/// (this assembly run as a program: a coordinator and two workers) hunting the planted race over
/// 2,000 seeds, and the first failing seed one process finds. The tests are classes of their own
/// so xunit runs two side by side (much of their time is waiting: process start-up, the failure detector).
/// </summary>
public abstract class RaceClusterTests(ITestOutputHelper output)
{
    protected const int Seeds = 2000;
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly Lazy<ulong?> FirstFailure = new(() => PlantedOrderRace.FirstFailingSeedInOneProcess(Seeds));

    protected static ulong? Expected => FirstFailure.Value;

    /// <summary>A progress line where the worker at <paramref name="port"/> has finished at least 5 items and runs one.</summary>
    protected static Regex RunningOn(int port) => new($@"127\.0\.0\.1:{port} ([5-9]|\d\d+) done 1 running");

    private protected void Report(RaceCluster cluster)
    {
        output.WriteLine($"single process: first failing seed {Expected}");
        output.WriteLine("coordinator stderr:\n" + cluster.Coordinator.Errors);
        for (int i = 0; i < cluster.Workers.Length; i++) output.WriteLine($"worker {i} stderr:\n{cluster.Workers[i].Errors}");
    }

    /// <summary>A coordinator and two workers, each a process; all killed on dispose if still running.</summary>
    private protected sealed class RaceCluster : IDisposable
    {
        private readonly string _record;
        private readonly bool _ownRecord;

        /// <summary>A cluster keeping its record in <paramref name="record"/> (kept), or in a file of its own (deleted).</summary>
        public RaceCluster(string? record = null)
        {
            _ownRecord = record is null;
            _record = record ?? Path.Combine(Path.GetTempPath(), $"dmactors-cluster-test-{Guid.NewGuid():N}.record");
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
            if (_ownRecord) File.Delete(_record);
        }
    }
}
