using DmaActors.Actors.Completion;
using DmaActors.Actors.Transfers;
using DmaActors.Runtime;

namespace DmaActors.Actors.Channels;

/// <summary>
/// Everything a virtual channel knows, kept outside the actor instance so that a restart after a
/// crash continues with the same lists and cookies: no queued descriptor is lost (the Props
/// factory hands the same state to the new instance).
/// </summary>
internal sealed class VirtualChannelState(int index, string name, IActorRef arbiter, IActorRef completion, CallbackEpoch epoch, ResidueGranularity granularity)
{
    /// <summary>The channel's number on its controller (a dedicated controller binds it to the physical channel of the same number).</summary>
    public int Index { get; } = index;

    public string Name { get; } = name;

    public IActorRef Arbiter { get; } = arbiter;

    public IActorRef Completion { get; } = completion;

    public ResidueGranularity Granularity { get; } = granularity;

    public CookieCounter Cookies { get; } = new();

    public Dictionary<long, Descriptor> ById { get; } = [];

    public LinkedList<Descriptor> Allocated { get; } = new();

    public LinkedList<Descriptor> Submitted { get; } = new();

    public LinkedList<Descriptor> Issued { get; } = new();

    public List<Descriptor> Terminated { get; } = [];

    /// <summary>Failed completions by cookie, so tx_status can answer DMA_ERROR for them.</summary>
    public Dictionary<int, TransferResult> Failures { get; } = [];

    public long NextId { get; set; } = 1;

    public long CompletedCount { get; set; }

    public Descriptor? Active { get; set; }

    /// <summary>Whether the active descriptor is on the physical channel (false: preempted or waiting).</summary>
    public bool ActiveRunning { get; set; }

    public int PhysicalIndex { get; set; } = -1;

    public IActorRef? Physical { get; set; }

    public bool WaitingForPhysical { get; set; }

    public bool Paused { get; set; }

    /// <summary>Bumped by every terminate, shared with the completion actor: callbacks queued under an older epoch never run.</summary>
    public CallbackEpoch Epoch { get; } = epoch;

    public bool PeriodCallbackPending { get; set; }

    /// <summary>Clients waiting for the physical channel to confirm a pause, resume or abort, in order.</summary>
    public Queue<(object Command, IActorRef Client, int Dropped)> AwaitingHardware { get; } = new();

    public Queue<IActorRef> AwaitingDrain { get; } = new();
}
