using DmaActors.Actors.Tracing;
using DmaActors.Runtime;

namespace DmaActors.Actors.Arbitration;

// Bus arbitration: a physical channel with a burst ready asks for the bus; the arbiter grants
// one burst at a time; the bus is busy for the burst's cycles; at the end it grants the next.
// Channel assignment: a virtual channel with issued work asks for a physical channel; free ones
// go to waiting virtual channels in arrival order (time-division multiplexing).

/// <summary>Physical channel → arbiter: a burst of <see cref="Bytes"/> is ready to move.</summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="Bytes">Burst size.</param>
public sealed record RequestBus(int Channel, int Bytes)
{
    /// <summary>
    /// Set when the channel could move all the whole bursts left in this run's current segment
    /// back to back (memory to memory, nothing in the way): with nobody else asking, the arbiter
    /// may grant them as one <see cref="Bus.BurstTrain"/>. The run's position does not move
    /// until the grant arrives, so the arbiter reads the train's length from it then.
    /// </summary>
    public Channels.DescriptorRun? Train { get; init; }
}

/// <summary>Physical channel → arbiter: forget my request (pause, terminate).</summary>
/// <param name="Channel">The physical channel's index.</param>
public sealed record WithdrawBusRequest(int Channel);

/// <summary>
/// Arbiter → physical channel: the bus is yours for one burst of <see cref="Bytes"/>, lasting
/// <see cref="DurationNanoseconds"/> from now; or, when <see cref="Bursts"/> &gt; 1, for that many
/// back-to-back bursts (a train, ended by <see cref="BusTrainEnded"/>).
/// </summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="Bytes">Burst size granted.</param>
/// <param name="DurationNanoseconds">Bus time of one burst; on the virtual clock it starts the instant the grant is made.</param>
public sealed record BusGranted(int Channel, int Bytes, long DurationNanoseconds) : IHardwareEvent
{
    /// <summary>Bursts granted at once (1 unless coalesced).</summary>
    public int Bursts { get; init; } = 1;

    /// <inheritdoc/>
    public string Describe() => Bursts == 1 ? $"grant ch{Channel} {Bytes}B" : $"grant ch{Channel} {Bursts}x{Bytes}B";
}

/// <summary>
/// Arbiter → physical channel: your train is over after its first <see cref="Bursts"/> bursts (cut
/// because something else needs the arbiter, or run to its end): move their data now. When
/// <see cref="RequestKept"/>, the arbiter holds your next request already, as it would have under
/// per-burst arbitration.
/// </summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="Bursts">Bursts of the train that were granted.</param>
/// <param name="RequestKept">Whether the arbiter registered the channel's next request on its behalf.</param>
public sealed record BusTrainEnded(int Channel, int Bursts, bool RequestKept);

/// <summary>
/// Physical channel → arbiter: I stop my train now (pause, abort, preemption, crash) after
/// <see cref="Bursts"/> bursts and want nothing more; the bus is free at that burst's end.
/// </summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="Bursts">Bursts of the train the channel moved.</param>
public sealed record StopBusTrain(int Channel, int Bursts);

/// <summary>Physical channel → arbiter: a grant arrived after the channel stopped wanting it; the bus is free at once.</summary>
/// <param name="Channel">The physical channel's index.</param>
public sealed record DeclineGrant(int Channel);

/// <summary>Virtual channel → arbiter: I have issued work and need a physical channel.</summary>
/// <param name="VirtualChannel">The requester.</param>
/// <param name="Index">Its channel number; a dedicated controller binds it to the physical channel of the same number (-1: any).</param>
public sealed record RequestPhysicalChannel(IActorRef VirtualChannel, int Index = -1);

/// <summary>Virtual channel → arbiter: forget my request (paused or terminated while waiting).</summary>
/// <param name="VirtualChannel">The requester.</param>
public sealed record CancelPhysicalChannelRequest(IActorRef VirtualChannel);

/// <summary>Arbiter → virtual channel: physical channel <see cref="Channel"/> is yours.</summary>
/// <param name="Channel">Its index.</param>
/// <param name="PhysicalChannel">The physical channel actor.</param>
public sealed record PhysicalChannelAssigned(int Channel, IActorRef PhysicalChannel) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"assign ch{Channel}";
}

/// <summary>
/// Virtual channel → arbiter: I am at a descriptor boundary (or was preempted) and give back
/// physical channel <see cref="Channel"/>; <see cref="WantsMore"/> puts me back in the queue.
/// </summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="VirtualChannel">The releasing virtual channel.</param>
/// <param name="WantsMore">Whether it still has issued work.</param>
public sealed record ReleasePhysicalChannel(int Channel, IActorRef VirtualChannel, bool WantsMore);

/// <summary>Device → arbiter at wiring time: DRQs on <see cref="Line"/> come from <see cref="Device"/>.</summary>
/// <param name="Line">The request line.</param>
/// <param name="Device">The device actor.</param>
public sealed record ConnectDevice(int Line, IActorRef Device);

/// <summary>Physical channel → arbiter: route requests on <see cref="Line"/> to me while my descriptor runs.</summary>
/// <param name="Line">The request line.</param>
/// <param name="Channel">The physical channel's index.</param>
public sealed record BindRequestLine(int Line, int Channel);

/// <summary>Physical channel → arbiter: stop routing <see cref="Line"/> to me, and flush the device so it takes back requests not served.</summary>
/// <param name="Line">The request line.</param>
/// <param name="Channel">The physical channel's index.</param>
public sealed record UnbindRequestLine(int Line, int Channel);

/// <summary>Arbiter → physical channel: <see cref="Line"/> is bound to you under <see cref="Generation"/>; serve requests stamped with it.</summary>
/// <param name="Line">The request line.</param>
/// <param name="Generation">The binding's number.</param>
public sealed record LineBound(int Line, long Generation);

/// <summary>Arbiter timer: the granted burst's last cycle has passed.</summary>
internal sealed record BusFree
{
    public static readonly BusFree Instance = new();
}

/// <summary>Arbiter → virtual channel: no physical channel can ever be had (dedicated binding, all taken).</summary>
/// <param name="Reason">Why.</param>
public sealed record PhysicalChannelUnavailable(string Reason);

/// <summary>
/// Services physical channel <see cref="Channel"/>'s events on event queue <see cref="Queue"/>
/// (EDMA3: the DT specifier's second cell picks the queue / transfer controller). Only an
/// event-queue policy has queues; others ignore it.
/// </summary>
/// <param name="Channel">The physical channel (on EDMA, the DMA channel = event number's context).</param>
/// <param name="Queue">The event queue.</param>
public sealed record SetEventQueue(int Channel, int Queue);
