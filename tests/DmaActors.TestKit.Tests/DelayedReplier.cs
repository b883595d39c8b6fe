using Akka.Actor;

namespace DmaActors.TestKit.Tests;

/// <summary>Replies to each message with the message itself, after the given delay of the world's time (an Akka timer).</summary>
internal sealed class DelayedReplier : ReceiveActor, IWithTimers
{
    public DelayedReplier(TimeSpan delay)
    {
        Receive<Due>(due => due.To.Tell(due.Message));
        ReceiveAny(message => Timers.StartSingleTimer(message, new Due(message, Sender), delay));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private sealed record Due(object Message, IActorRef To);
}
