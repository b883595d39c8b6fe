using Akka.Actor;

namespace DmaActors.Benchmarks;

/// <summary>Limits and tear-down shared by every benchmark.</summary>
internal static class Systems
{
    /// <summary>Longest a benchmark waits for its actors before declaring them stalled.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Stops <paramref name="actors"/> one actor at a time and waits until every one has
    /// terminated (a <see cref="TerminationWatcher"/> watches them all and counts): the comparison
    /// path of <c>shutdown-scaling</c>, and how warm-ups clear their actors.
    /// </summary>
    public static void StopEach(BenchSystem system, IReadOnlyList<IActorRef> actors)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(actors);
        var stopped = new Completion(actors.Count);
        var watcher = system.ActorOf(Props.Create(() => new TerminationWatcher()));
        watcher.Tell(new BenchMessages.WatchAll(actors, stopped));
        for (int i = 0; i < actors.Count; i++) system.System.Stop(actors[i]);
        system.Await(stopped);
        system.System.Stop(watcher);
        system.Settle();
    }
}
