using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Benchmarks;

/// <summary>How every benchmark builds and tears down its actor system.</summary>
internal static class Systems
{
    /// <summary>Longest a benchmark waits for its actors before declaring them stalled.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A thread-pool system on the real clock: real concurrency, wall time. Asks wait up to
    /// <see cref="Limit"/> too (not the default 5 s): starting a controller with a million virtual
    /// channels is one ask whose reply comes after two million spawns.
    /// </summary>
    public static ActorSystem CreateRealTime(string name, int throughput = 30) =>
        ActorSystem.Create(name, new ActorSystemSettings
        {
            Dispatcher = DispatcherKind.ThreadPool,
            Clock = ClockKind.Real,
            Throughput = throughput,
            WallClockLimit = Limit,
            AskTimeout = Duration.FromSeconds(Limit.TotalSeconds),
        });

    /// <summary>
    /// Stops a system holding many top-level actors one actor at a time, then shuts it down: the
    /// comparison path of <c>shutdown-scaling</c> (the kernel's terminate path was quadratic in
    /// the number of children before 2026-11-22; see bench/README.md).
    /// </summary>
    public static void ShutdownWide(ActorSystem system, IReadOnlyList<IActorRef> actors)
    {
        var stopped = new Task[actors.Count];
        for (int i = 0; i < actors.Count; i++)
        {
            system.Stop(actors[i]);
            stopped[i] = system.WhenTerminated(actors[i]);
        }
        if (!Task.WaitAll(stopped, Limit)) throw new TimeoutException($"{actors.Count} actors did not stop within {Limit}.");
        system.Shutdown();
    }
}
