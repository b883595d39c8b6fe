using Akka.Actor;

namespace DmaActors.Benchmarks;

/// <summary>
/// Watches the actors it is given and signals once per termination (Akka.NET's death watch: an
/// actor that stopped before the watch began is reported terminated too). Replaces the old
/// kernel's <c>WhenTerminated</c> task. Not Akka.NET's <c>GracefulStop</c>: that makes a temporary
/// actor per watched actor and times out on the system's scheduler, which is virtual time in our
/// worlds; one watcher for all works the same way on all three runtimes, a held world included.
/// </summary>
internal sealed class TerminationWatcher : ReceiveActor
{
    private Completion? _stopped;

    public TerminationWatcher()
    {
        Receive<BenchMessages.WatchAll>(OnWatchAll);
        Receive<Terminated>(_ => _stopped?.Signal());
    }

    private void OnWatchAll(BenchMessages.WatchAll watch)
    {
        _stopped = watch.Stopped;
        foreach (var actor in watch.Actors) Context.Watch(actor);
    }
}
