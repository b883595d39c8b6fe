using Akka.Actor;

namespace DmaActors.Runtime;

/// <summary>
/// Sees every message an actor of a simulated world takes from its mailbox, just before the actor
/// handles it. Install one with <see cref="SimulatedWorld.Tracer"/>; with none a message costs one
/// field read.
/// </summary>
/// <remarks>
/// Called on the thread that runs the recipient, inside the hot path: implementations must be
/// thread-safe (the thread pool runs many actors at once), fast, and must not block or send.
/// </remarks>
public interface IMessageTracer
{
    /// <summary><paramref name="recipient"/> is about to handle <paramref name="message"/> from <paramref name="sender"/>.</summary>
    void OnReceive(IActorRef recipient, object message, IActorRef sender);
}
