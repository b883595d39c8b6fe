namespace DmaActors.Runtime.Cells;

/// <summary>The handle to an actor of this process: a Tell goes straight into its cell's mailbox.</summary>
internal sealed class LocalActorRef(ActorCell cell) : IInternalActorRef
{
    internal ActorCell Cell { get; } = cell;

    public ActorSystem System => Cell.System;

    public string Path => Cell.Path;

    /// <remarks>Inside an actor, a Tell without a sender carries that actor as the sender, so replies find it.</remarks>
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(message, sender ?? ActorCell.Running?.Self);
    }

    public override string ToString() => Path;
}
