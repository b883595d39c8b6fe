namespace DmaActors.Runtime.Cells;

/// <summary>
/// A <see cref="Terminated"/> queued behind the watcher's user messages; dropped on delivery if
/// the watcher has unwatched in the meantime (so an unwatch is final, as in Akka.NET).
/// </summary>
internal sealed class DeliverTerminated(ActorCell actor) : AutoReceivedMessage
{
    public ActorCell Actor { get; } = actor;
}
