using DmaActors.Runtime.Time;

namespace DmaActors.Runtime.Tests;

/// <summary>
/// Answers every message with "done" after <c>delay</c> of the system's time (on its own timer),
/// so whoever asks it really has to wait, and virtual time has to move meanwhile.
/// </summary>
internal sealed class DelayedReplyActor : Actor
{
    public DelayedReplyActor(Duration delay)
    {
        Receive<Reply>(reply => reply.To.Tell("done"));
        ReceiveAny(_ => Context.Timers.StartSingleTimer(new object(), new Reply(Sender), delay));
    }

    private sealed record Reply(IActorRef To);
}
