using Akka.Actor;

namespace DmaActors.Runtime;

/// <summary>
/// The parent of a world's top-level actors when the world is attached to a system it does not
/// own. Akka starts a system's top-level actors asynchronously, through the user guardian, which
/// runs on the user's dispatcher, outside the world's count of work in flight; children of an
/// actor on the world's dispatcher start synchronously, inside it.
/// </summary>
internal sealed class WorldRoot : ReceiveActor
{
    public WorldRoot(string dispatcherId) =>
        Receive<Spawn>(spawn => Sender.Tell(Context.ActorOf(spawn.Props.Dispatcher == dispatcherId ? spawn.Props : spawn.Props.WithDispatcher(dispatcherId), spawn.Name)));

    /// <summary>Start a child; the reply is its ref.</summary>
    public sealed record Spawn(Props Props, string? Name);
}
