namespace DmaActors.Runtime.Cells;

/// <summary>Where undeliverable messages go: each becomes a <see cref="Events.DeadLetter"/> on the event stream.</summary>
internal sealed class DeadLettersRef(ActorSystem system) : IInternalActorRef
{
    public ActorSystem System => system;

    public string Path => "/deadLetters";

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        system.DeadLetter(message, sender ?? ActorCell.Running?.Self, this);
    }

    public override string ToString() => Path;
}
