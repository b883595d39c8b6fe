namespace DmaActors.Runtime.Events;

/// <summary>
/// Observes every send, receive and timer in one actor system. Install one with
/// <see cref="ActorSystem.Tracer"/>; with none installed a send costs one field read.
/// </summary>
/// <remarks>
/// Called on the sending or receiving thread, inside the kernel's hot path: implementations must
/// be thread-safe, fast, and must not block or send messages of their own.
/// </remarks>
public interface IActorTracer
{
    /// <summary>A message was put in <paramref name="recipient"/>'s mailbox.</summary>
    void OnSend(IActorRef? sender, IActorRef recipient, object message);

    /// <summary><paramref name="recipient"/> is about to handle <paramref name="message"/>.</summary>
    void OnReceive(IActorRef recipient, object message, IActorRef? sender);

    /// <summary>A timer of <paramref name="owner"/> fired and its message is on its way.</summary>
    void OnTimer(IActorRef owner, object key, object message);
}
