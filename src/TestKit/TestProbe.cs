using System.Collections.Concurrent;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.TestKit;

/// <summary>
/// A fake collaborator: an actor that records what it receives, with expectations that drive the
/// system while they wait. On the virtual clock a timeout is virtual time, so waiting costs no
/// wall time, and when nothing is left to run an expectation fails at once instead of waiting.
/// </summary>
public sealed partial class TestProbe
{
    private readonly ConcurrentQueue<(object Message, IActorRef Sender)> _inbox = new();
    private IActorRef? _lastSender;

    /// <summary>Creates a probe in <paramref name="system"/> (under <c>/system</c>).</summary>
    /// <param name="system">The system under test.</param>
    /// <param name="name">A name for paths and traces; generated when null.</param>
    /// <param name="defaultTimeout">How long expectations wait by default (system time); 3 s when null.</param>
    public TestProbe(ActorSystem system, string? name = null, Duration? defaultTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
        DefaultTimeout = defaultTimeout ?? Duration.FromSeconds(3);
        Ref = system.SystemActorOf(Props.Create(() => new ProbeActor(_inbox, system.Progress.Pulse)), name);
    }

    /// <summary>The system the probe lives in.</summary>
    public ActorSystem System { get; }

    /// <summary>The probe's actor: give this to the code under test as a collaborator or reply address.</summary>
    public IActorRef Ref { get; }

    /// <summary>How long expectations wait when not told.</summary>
    public Duration DefaultTimeout { get; }

    /// <summary>Who sent the message received last.</summary>
    public IActorRef LastSender => _lastSender ?? throw new ExpectationFailedException("The probe has not received anything yet, so it has no last sender.");

    /// <summary>Whether a message is waiting (without driving the system).</summary>
    public bool HasMessages => !_inbox.IsEmpty;

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref);
    }

    /// <summary>Replies to the sender of the last message received.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Has the probe watch <paramref name="actor"/>, so <see cref="ExpectTerminated"/> can see it stop.</summary>
    public void Watch(IActorRef actor) => Ref.AskBlocking<object>(new ProbeCommand(actor, Watch: true));

    /// <summary>Stops watching <paramref name="actor"/>.</summary>
    public void Unwatch(IActorRef actor) => Ref.AskBlocking<object>(new ProbeCommand(actor, Watch: false));

    /// <summary>Takes the next message, driving the system for up to <paramref name="timeout"/>; fails if none comes.</summary>
    public object ReceiveOne(Duration? timeout = null, string? expecting = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var outcome = System.RunUntil(() => !_inbox.IsEmpty, limit);
        if (!_inbox.TryDequeue(out var next))
        {
            string what = expecting ?? "a message";
            throw new ExpectationFailedException(outcome == RunOutcome.Idle
                ? $"{Ref.Path} expected {what}, but nothing arrived and nothing is left to run (no actor has work, no timer is pending)."
                : $"{Ref.Path} expected {what} within {limit} ({TimeKind}), but nothing arrived.");
        }
        _lastSender = next.Sender;
        return next.Message;
    }

    private string TimeKind => System.Clock.IsVirtual ? "virtual time" : "wall time";
}
