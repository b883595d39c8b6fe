using DmaActors.Runtime.Time;
using Microsoft.Extensions.Logging;

namespace DmaActors.Runtime;

/// <summary>
/// What an actor sees of the system while it handles a message. Valid only on the actor's own
/// thread, inside its constructor, handlers and lifecycle hooks: never capture it in a
/// continuation or hand it to another thread.
/// </summary>
public interface IActorContext
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>Who sent the current message; dead letters when nobody did.</summary>
    IActorRef Sender { get; }

    /// <summary>This actor's supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The children that have not stopped yet.</summary>
    IReadOnlyList<IActorRef> Children { get; }

    /// <summary>The system this actor lives in.</summary>
    ActorSystem System { get; }

    /// <summary>The system's clock (virtual or real).</summary>
    IClock Clock { get; }

    /// <summary>This actor's timers.</summary>
    ITimerScheduler Timers { get; }

    /// <summary>A logger named after this actor's type.</summary>
    ILogger Log { get; }

    /// <summary>Starts a child; <paramref name="name"/> must be unique among its siblings (generated when null).</summary>
    IActorRef Spawn(Props props, string? name = null);

    /// <summary>The child named <paramref name="name"/>, if it has not stopped.</summary>
    IActorRef? Child(string name);

    /// <summary>Delivers <see cref="Terminated"/> to this actor, once, when <paramref name="actor"/> stops (at once if it already has).</summary>
    IActorRef Watch(IActorRef actor);

    /// <summary>Stops watching; a <see cref="Terminated"/> not yet delivered will not be.</summary>
    IActorRef Unwatch(IActorRef actor);

    /// <summary>Stops <paramref name="actor"/> after the message it is handling; its queued messages go to dead letters.</summary>
    void Stop(IActorRef actor);

    /// <summary>Sets the current message aside until <see cref="UnstashAll"/>.</summary>
    void Stash();

    /// <summary>Puts every stashed message back at the front of the mailbox, in the order they were stashed.</summary>
    void UnstashAll();
}
