using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.TestKit.Tests;

/// <summary>Replies to each message after the given delay of system time.</summary>
internal sealed class DelayedReplier : Actor
{
    public DelayedReplier(Duration delay)
    {
        Receive<Due>(due => due.To.Tell(due.Message));
        ReceiveAny(message => Context.Timers.StartSingleTimer(message, new Due(message, Sender), delay));
    }

    private sealed record Due(object Message, IActorRef To);
}
