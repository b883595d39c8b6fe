using System.Diagnostics;
using Akka.Actor;
using DmaActors.Runtime;
using static DmaActors.Benchmarks.ReportConsole;

namespace DmaActors.Benchmarks;

/// <summary>
/// <c>idle-memory [actors]</c>: on each <see cref="ActorRuntime"/> in turn, spawns that many
/// top-level actors and prints the heap each one keeps (GC.GetTotalMemory(true) after minus
/// before, over the actors): once idle and never messaged, then after each has handled one
/// message; and the same for actors with no handler, never messaged. A summary table sets the
/// runtimes side by side. Retained memory is a state, not a per-operation cost, which is why this
/// lives outside BenchmarkDotNet.
/// </summary>
internal static class IdleMemoryReport
{
    public const string Command = "idle-memory";

    private const int WarmUpActors = 1000;

    public static int Run(string[] args)
    {
        int count = Count(args, 1_000_000);
        Header(Command, $"{count:N0} actors per runtime");
        var rows = new List<(ActorRuntime Runtime, double Idle, double Messaged, double Bare)>();
        foreach (var runtime in Enum.GetValues<ActorRuntime>())
        {
            var (idle, messaged) = Measure(runtime, count, "IdleActor (one Receive<T> handler)", tally => FactoryProps.Of(() => new IdleActor(tally)), message: true);
            double bare = MeasureBareActors(runtime, count);
            rows.Add((runtime, idle, messaged, bare));
        }
        Console.WriteLine();
        Print($"bytes per actor        | one handler, never messaged | after one message | no handler, never messaged");
        foreach (var (runtime, idle, messaged, bare) in rows)
            Print($"{runtime,-22} | {idle,27:F1} | {messaged,17:F1} | {bare,26:F1}");
        return 0;
    }

    /// <summary>The runtime's own cost: <paramref name="count"/> actors with no handler, never messaged; prints the phases and returns the bytes each keeps.</summary>
    public static double MeasureBareActors(ActorRuntime runtime, int count) =>
        Measure(runtime, count, "BareActor (no handler)", tally => FactoryProps.Of(() => new BareActor(tally)), message: false).Idle;

    /// <summary>
    /// Spawns <paramref name="count"/> actors (then, if <paramref name="message"/>, messages each
    /// once), printing each phase; returns the bytes each keeps once idle and never messaged, and
    /// after one message (NaN when not messaged).
    /// </summary>
    private static (double Idle, double Messaged) Measure(ActorRuntime runtime, int count, string label, Func<SpawnTally, Props> recipe, bool message)
    {
        Console.WriteLine();
        Print($"{runtime}: {label}");
        var system = BenchSystem.Create(runtime, "idle-memory");
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
        system.Await(tally.Created);
        var spawning = clock.Elapsed;
        string spawnGc = gc.Since();
        clock.Restart();
        system.Settle();
        var quiescence = clock.Elapsed;
        long idle = RetainedHeap.Settle();
        Print($"  spawn + create: {spawning.TotalMilliseconds:F0} ms ({spawning.TotalNanoseconds / count:F0} ns per actor; {spawnGc}); settling after: {quiescence.TotalMilliseconds:F0} ms");
        Print($"  idle, never messaged:    {(idle - before) / (double)count,8:F1} bytes per actor  ({(idle - before) / 1048576.0:F1} MiB in all)");

        double perMessaged = double.NaN;
        if (message)
        {
            gc = GcSnapshot.Take();
            clock.Restart();
            foreach (var actor in actors) actor.Tell(BenchMessages.Ping.Instance, ActorRefs.NoSender);
            system.Await(tally.Received);
            var telling = clock.Elapsed;
            string tellGc = gc.Since();
            system.Settle();
            long messaged = RetainedHeap.Settle();
            perMessaged = (messaged - before) / (double)count;
            Print($"  one message each: {telling.TotalMilliseconds:F0} ms ({telling.TotalNanoseconds / count:F0} ns per actor; {tellGc})");
            Print($"  after one message each:  {perMessaged,8:F1} bytes per actor  ({(messaged - before) / 1048576.0:F1} MiB in all)");
        }

        clock.Restart();
        system.Terminate();
        Print($"  terminate the system: {clock.Elapsed.TotalMilliseconds:F0} ms");
        GC.KeepAlive(actors);
        return ((idle - before) / (double)count, perMessaged);
    }

    /// <summary>Runs the same paths on a few actors first (JIT, pool threads), then stops them.</summary>
    private static void WarmUp(BenchSystem system, Props props, SpawnTally tally, bool message)
    {
        var actors = new IActorRef[WarmUpActors];
        tally.Created = new Completion(WarmUpActors);
        if (message) tally.Received = new Completion(WarmUpActors);
        for (int i = 0; i < actors.Length; i++) actors[i] = system.ActorOf(props);
        system.Await(tally.Created);
        if (message)
        {
            foreach (var actor in actors) actor.Tell(BenchMessages.Ping.Instance, ActorRefs.NoSender);
            system.Await(tally.Received);
        }
        Systems.StopEach(system, actors);
    }
}
