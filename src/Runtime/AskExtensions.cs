using DmaActors.Runtime.Time;

namespace DmaActors.Runtime;

/// <summary>Request/response on top of Tell.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> and returns a task for the first reply. A
    /// <see cref="Status.Failure"/> reply faults it with the cause; a reply that is not a
    /// <typeparamref name="T"/> faults it with <see cref="InvalidCastException"/>; no reply within
    /// <paramref name="timeout"/> (the system's <c>AskTimeout</c> by default, on the system's clock)
    /// faults it with <see cref="AskTimeoutException"/>; an actor that has stopped faults it at once
    /// with <see cref="AskRecipientStoppedException"/>.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, Duration? timeout = null, CancellationToken cancellationToken = default) =>
        ActorSystem.SystemOf(target).StartAsk<T>(target, message, timeout, cancellationToken).Task;

    /// <summary>
    /// <see cref="Ask{T}"/> that blocks the calling thread until the reply, and works on both
    /// dispatchers: on the deterministic one (and the virtual clock) the caller drives the system
    /// meanwhile. Fails fast with <see cref="ActorDeadlockException"/> when the reply can never come
    /// (an actor asking itself, a cycle of blocked actors, a quiescent system with no timer left).
    /// </summary>
    public static T AskBlocking<T>(this IActorRef target, object message, Duration? timeout = null, CancellationToken cancellationToken = default) =>
        ActorSystem.SystemOf(target).AskBlocking<T>(target, message, timeout, cancellationToken);
}
