using System.Diagnostics;
using DmaActors.Runtime;
using static DmaActors.Benchmarks.ReportConsole;

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
        int count = Count(args, 1_000_000);
        Header(Command, $"{count:N0} actors");
        Measure(count, "IdleActor (one Receive<T> handler)", tally => Props.Create(() => new IdleActor(tally)), message: true);
        MeasureBareActors(count);
        return 0;
    }

    /// <summary>The kernel's own cost: <paramref name="count"/> actors with no handler, never messaged; prints the phases and returns the bytes each keeps.</summary>
    public static double MeasureBareActors(int count) =>
        Measure(count, "BareActor (no handler: kernel only)", tally => Props.Create(() => new BareActor(tally)), message: false);

    /// <summary>Spawns <paramref name="count"/> actors (then, if <paramref name="message"/>, messages each once), printing each phase; returns the bytes each keeps once idle and never messaged.</summary>
    private static double Measure(int count, string label, Func<SpawnTally, Props> recipe, bool message)
    {
        Console.WriteLine();
        Print($"{label}");
        var system = Systems.CreateRealTime("idle-memory");
        var tally = new SpawnTally();
        var props = recipe(tally);
        WarmUp(system, props, tally, message);

        var actors = new IActorRef[count];
        tally.Created = new Completion(count);
        if (message) tally.Received = new Completion(count);
        long before = RetainedHeap.Settle();

        var gc = GcSnapshot.Take();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++) actors[i] = system.ActorOf(props);
        tally.Created.Wait(Systems.Limit);
        var spawning = clock.Elapsed;
        string spawnGc = gc.Since();
        clock.Restart();
        system.RunUntilIdle();
        var quiescence = clock.Elapsed;
        long idle = RetainedHeap.Settle();
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
            long messaged = RetainedHeap.Settle();
            Print($"  one message each: {telling.TotalMilliseconds:F0} ms ({telling.TotalNanoseconds / count:F0} ns per actor; {tellGc})");
            Print($"  after one message each:  {(messaged - before) / (double)count,8:F1} bytes per actor  ({(messaged - before) / 1048576.0:F1} MiB in all)");
        }

        clock.Restart();
        system.Shutdown();
        Print($"  stop every actor, then shut down: {clock.Elapsed.TotalMilliseconds:F0} ms");
        GC.KeepAlive(actors);
        return (idle - before) / (double)count;
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
}
