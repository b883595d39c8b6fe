using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using DmaActors.Runtime;

namespace DmaActors.Benchmarks;

/// <summary>
/// <c>idle-memory [actors]</c>: spawns that many top-level actors on a real-clock thread-pool
/// system and prints the heap each one keeps (GC.GetTotalMemory(true) after minus before, over
/// the actors): once idle and never messaged, then after each has handled one message. Retained
/// memory is a state, not a per-operation cost, which is why this lives outside BenchmarkDotNet.
/// </summary>
internal static class IdleMemoryReport
{
    public const string Command = "idle-memory";

    private const int WarmUpActors = 1000;

    public static int Run(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0], NumberStyles.None, CultureInfo.InvariantCulture) : 1_000_000;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Print($"idle-memory: {count:N0} actors; {Environment.ProcessorCount} cores; .NET {Environment.Version}; " +
              $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, latency mode {GCSettings.LatencyMode}");
        Measure(count, "IdleActor (one Receive<T> handler)", tally => Props.Create(() => new IdleActor(tally)), message: true);
        Measure(count, "BareActor (no handler: kernel only)", tally => Props.Create(() => new BareActor(tally)), message: false);
        return 0;
    }

    private static void Measure(int count, string label, Func<SpawnTally, Props> recipe, bool message)
    {
        Print("");
        Print(label);
        var system = Systems.CreateRealTime("idle-memory");
        var tally = new SpawnTally();
        var props = recipe(tally);
        WarmUp(system, props, tally, message);

        var actors = new IActorRef[count];
        tally.Created = new Completion(count);
        if (message) tally.Received = new Completion(count);
        long before = Settle();

        var gc = GcSnapshot.Take();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++) actors[i] = system.ActorOf(props);
        tally.Created.Wait(Systems.Limit);
        var spawning = clock.Elapsed;
        string spawnGc = gc.Since();
        clock.Restart();
        system.RunUntilIdle();
        var quiescence = clock.Elapsed;
        long idle = Settle();
        Print($"  spawn + create: {spawning.TotalMilliseconds:F0} ms ({spawning.TotalNanoseconds / count:F0} ns per actor; {spawnGc}); RunUntilIdle after: {quiescence.TotalMilliseconds:F0} ms");
        Print($"  idle, never messaged:    {(idle - before) / (double)count,8:F1} bytes per actor  ({(idle - before) / 1048576.0:F1} MiB in all)");

        if (message)
        {
            gc = GcSnapshot.Take();
            clock.Restart();
            foreach (var actor in actors) actor.Tell(BenchMessages.Ping.Instance);
            tally.Received.Wait(Systems.Limit);
            var telling = clock.Elapsed;
            string tellGc = gc.Since();
            system.RunUntilIdle();
            long messaged = Settle();
            Print($"  one message each: {telling.TotalMilliseconds:F0} ms ({telling.TotalNanoseconds / count:F0} ns per actor; {tellGc})");
            Print($"  after one message each:  {(messaged - before) / (double)count,8:F1} bytes per actor  ({(messaged - before) / 1048576.0:F1} MiB in all)");
        }

        clock.Restart();
        system.Shutdown();
        Print($"  stop every actor, then shut down: {clock.Elapsed.TotalMilliseconds:F0} ms");
        GC.KeepAlive(actors);
    }

    /// <summary>Runs the same paths on a few actors first (JIT, thread-pool threads), then stops them.</summary>
    private static void WarmUp(ActorSystem system, Props props, SpawnTally tally, bool message)
    {
        var actors = new IActorRef[WarmUpActors];
        tally.Created = new Completion(WarmUpActors);
        if (message) tally.Received = new Completion(WarmUpActors);
        for (int i = 0; i < actors.Length; i++) actors[i] = system.ActorOf(props);
        tally.Created.Wait(Systems.Limit);
        if (message)
        {
            foreach (var actor in actors) actor.Tell(BenchMessages.Ping.Instance);
            tally.Received.Wait(Systems.Limit);
        }
        var stopped = new Task[actors.Length];
        for (int i = 0; i < actors.Length; i++)
        {
            system.Stop(actors[i]);
            stopped[i] = system.WhenTerminated(actors[i]);
        }
        Task.WaitAll(stopped, Systems.Limit);
        system.RunUntilIdle();
    }

    /// <summary>Live heap bytes after full, compacting collections.</summary>
    private static long Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private static void Print(string line) => Console.WriteLine(line);
}
