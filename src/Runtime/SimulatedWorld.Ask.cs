using Akka.Actor;
using DmaActors.Runtime.Time;

namespace DmaActors.Runtime;

// The blocking ask of the synchronous façade: send, then drive (or wait for) the world until the
// reply is in. Refused from inside the world (an actor waiting for a reply would hold its own
// mailbox); on the virtual clock it fails at once when the world goes idle with no reply (nothing
// is left that could send one) or when its target has stopped, and times out in virtual time.
// Akka's own Ask is not used: its continuation and its time-out run on the .NET thread pool, on
// wall time, outside the world's dispatcher and its seed.
public sealed partial class SimulatedWorld
{
    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="target"/> and returns its reply, driving
    /// the world (deterministic, virtual clock) or waiting for it (thread pool) meanwhile.
    /// </summary>
    /// <typeparam name="T">The reply expected.</typeparam>
    /// <param name="target">Who to ask.</param>
    /// <param name="message">What to ask.</param>
    /// <param name="timeout">How long to wait, on the world's clock; <see cref="SimulationSettings.AskTimeout"/> when null.</param>
    /// <exception cref="ActorDeadlockException">Called from inside the world, or no reply can ever come (idle world, stopped target).</exception>
    /// <exception cref="AskTimeoutException">No reply within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidCastException">The reply is not a <typeparamref name="T"/>.</exception>
    public T AskBlocking<T>(IActorRef target, object message, Duration? timeout = null)
    {
        EnsureNotInsideTheWorld($"AskBlocking<{typeof(T).Name}>");
        return Await<T>(Send(target, message), timeout);
    }

    /// <summary>
    /// The first half of a blocking ask: sends <paramref name="message"/> with a fresh reply slot as
    /// its sender and returns the slot, without waiting. For a caller that must send under a lock
    /// of its own (to order the message with others) and wait outside it; finish with
    /// <see cref="Await{T}"/>. Any thread may send.
    /// </summary>
    public PendingReply Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var slot = new ReplySlot(this);
        target.Tell(message, slot);
        return new PendingReply(slot, target, message);
    }

    /// <summary>The second half of a blocking ask (<see cref="Send"/>): waits for the reply as <see cref="AskBlocking{T}"/> does.</summary>
    /// <exception cref="ActorDeadlockException">Called from inside the world, or no reply can ever come (idle world, stopped target).</exception>
    /// <exception cref="AskTimeoutException">No reply within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidCastException">The reply is not a <typeparamref name="T"/>.</exception>
    public T Await<T>(PendingReply pending, Duration? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(pending);
        EnsureNotInsideTheWorld($"Await<{typeof(T).Name}>");
        var (slot, target, message) = (pending.Slot, pending.Target, pending.Message);
        var limit = timeout ?? Settings.AskTimeout;
        if (!slot.HasReply)
        {
            var outcome = Drive(() => slot.HasReply, Deadline(limit), hopeless: () => IsTerminated(target));
            if (!slot.HasReply)
            {
                string what = $"AskBlocking<{typeof(T).Name}> of {target.Path} with {message.GetType().Name}";
                if (outcome == RunOutcome.Idle)
                {
                    throw new ActorDeadlockException(IsTerminated(target)
                        ? $"{what}: the target has stopped, so the reply can never come."
                        : $"{what}: no actor has work and no timer is pending, so the reply can never come.");
                }
                throw new AskTimeoutException($"{what}: no reply within {limit} of {(Clock.IsVirtual ? "virtual" : "wall")} time.");
            }
        }
        return slot.Reply switch
        {
            Status.Failure failure => throw new AskFailedException($"{target.Path} answered {message.GetType().Name} with a failure: {failure.Cause?.Message}", failure.Cause),
            T reply => reply,
            var other => throw new InvalidCastException($"{target.Path} answered {message.GetType().Name} with {other?.GetType().Name ?? "null"}, not {typeof(T).Name}."),
        };
    }

    /// <summary>Whether a local target has stopped (watching it would cost a system message per ask).</summary>
    private static bool IsTerminated(IActorRef target) => target is ActorRefWithCell { Underlying.IsTerminated: true };
}
