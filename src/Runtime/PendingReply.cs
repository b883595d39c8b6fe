using Akka.Actor;

namespace DmaActors.Runtime;

/// <summary>A message sent by <see cref="SimulatedWorld.Send"/> whose reply has not been awaited yet.</summary>
public sealed class PendingReply
{
    internal PendingReply(ReplySlot slot, IActorRef target, object message)
    {
        Slot = slot;
        Target = target;
        Message = message;
    }

    /// <summary>Whether the reply is in.</summary>
    public bool HasReply => Slot.HasReply;

    internal ReplySlot Slot { get; }

    internal IActorRef Target { get; }

    internal object Message { get; }
}
