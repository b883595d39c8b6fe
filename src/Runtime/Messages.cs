namespace DmaActors.Runtime;

/// <summary>Sent to a watcher when an actor it watches has stopped. Delivered exactly once per watch.</summary>
/// <param name="Actor">The actor that stopped.</param>
public sealed record Terminated(IActorRef Actor);

/// <summary>A user message that stops its receiver after everything queued before it (graceful stop).</summary>
public sealed class PoisonPill : AutoReceivedMessage
{
    /// <summary>The one instance.</summary>
    public static readonly PoisonPill Instance = new();

    private PoisonPill() { }
}

/// <summary>A user message that makes its receiver fail with <see cref="ActorKilledException"/>.</summary>
public sealed class Kill : AutoReceivedMessage
{
    /// <summary>The one instance.</summary>
    public static readonly Kill Instance = new();

    private Kill() { }
}

/// <summary>Replies that carry a failure instead of a value; an <c>Ask</c> rethrows the cause.</summary>
public static class Status
{
    /// <summary>A failed reply.</summary>
    /// <param name="Cause">What went wrong.</param>
    public sealed record Failure(Exception Cause);
}
