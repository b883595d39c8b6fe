using Akka.Actor;
using DmaActors.Actors.Transfers;
using DmaActors.Api;

namespace DmaActors.Actors.Channels;

/// <summary>
/// Everything a virtual channel knows, kept outside the actor instance so that a restart after a
/// crash continues with the same lists and cookies: no queued descriptor is lost (the Props
/// factory hands the same state to the new instance). Touched only by the channel's actor; what
/// clients may read is published to <see cref="Port"/>.
/// </summary>
internal sealed class VirtualChannelState(VirtualChannelPort port, IActorRef arbiter, IActorRef completion, Arbitration.ChannelMultiplexing multiplexing)
{
    /// <summary>The client side of the channel: cookies, the terminate epoch, the published status.</summary>
    public VirtualChannelPort Port { get; } = port;

    /// <summary>The channel's number on its controller (a dedicated controller binds it to the physical channel of the same number).</summary>
    public int Index => Port.Index;

    public string Name => Port.Name;

    public IActorRef Arbiter { get; } = arbiter;

    public IActorRef Completion { get; } = completion;

    /// <summary>How the controller shares its physical channels (whether to keep one at a descriptor boundary).</summary>
    public Arbitration.ChannelMultiplexing Multiplexing { get; } = multiplexing;

    /// <summary>The channel's own view of its cookies: the last one taken in, the last one completed.</summary>
    public CookieCounter Cookies { get; } = new();

    public Dictionary<long, Descriptor> ById { get; } = [];

    public LinkedList<Descriptor> Allocated { get; } = new();

    public LinkedList<Descriptor> Submitted { get; } = new();

    public LinkedList<Descriptor> Issued { get; } = new();

    public List<Descriptor> Terminated { get; } = [];

    /// <summary>Descriptors the hardware finished without a completion interrupt (C-28), oldest first, with how they ended: completed at the next interrupt or status poll.</summary>
    public Queue<(Descriptor Descriptor, DmaengineResult Outcome)> Unnoticed { get; } = new();

    /// <summary>Handles for descriptors prepared and submitted in one go (reusable ones get theirs from the port).</summary>
    public long NextId { get; set; } = 1;

    public long CompletedCount { get; set; }

    public Descriptor? Active { get; set; }

    /// <summary>Whether the active descriptor is on the physical channel (false: preempted or waiting).</summary>
    public bool ActiveRunning { get; set; }

    /// <summary>
    /// A terminate told the physical channel to abort and its confirmation has not come back: the
    /// physical channel is still busy with the terminated descriptor, so nothing new starts on it,
    /// and it is not given back, until then.
    /// </summary>
    public bool AbortInFlight { get; set; }

    public int PhysicalIndex { get; set; } = -1;

    public IActorRef? Physical { get; set; }

    public bool WaitingForPhysical { get; set; }

    public bool Paused { get; set; }

    public bool PeriodCallbackPending { get; set; }

    /// <summary>Clients waiting for the physical channel to confirm a pause, resume or abort, in order.</summary>
    public Queue<(object Command, IActorRef Client, int Dropped)> AwaitingHardware { get; } = new();

    public Queue<IActorRef> AwaitingDrain { get; } = new();
}
