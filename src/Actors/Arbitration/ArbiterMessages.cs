using Akka.Actor;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Tracing;

namespace DmaActors.Actors.Arbitration;

// Everything a controller's arbiter is told, and what it answers. Bus arbitration: a physical
// channel with a burst ready asks for the bus; the arbiter grants one burst at a time (or a train,
// when uncontended); the bus is busy for the burst's cycles; at the end it grants the next.
// Channel assignment: a virtual channel with issued work asks for a physical channel; free ones
// go to waiting virtual channels in arrival order. DRQ routing: devices raise requests on their
// lines; the arbiter forwards each to the physical channel bound to the line. What it sends back
// (BusGranted, BusTrainEnded, LineBound, PreemptTransfer; PhysicalChannelAssigned/Unavailable;
// FlushRequests) is in the receivers' catalogues.

/// <summary>Controller → arbiter, once, right after it started: the arbiter's physical channels, by index.</summary>
/// <param name="Channels">The physical channel actors.</param>
public sealed record AttachPhysicalChannels(IReadOnlyList<IActorRef> Channels);

/// <summary>Physical channel → arbiter: a burst of <see cref="Bytes"/> is ready to move. Answered by <see cref="BusGranted"/> when the policy picks it.</summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="Bytes">Burst size.</param>
public sealed record RequestBus(int Channel, int Bytes)
{
    /// <summary>Bus crossings per byte (<see cref="Transfers.TransferSpec.BusPasses"/>): the grant lasts this many times the burst's cycles.</summary>
    public int BusPasses { get; init; } = 1;

    /// <summary>
    /// Set when the channel could move all the whole bursts left in this run's current segment
    /// back to back (memory to memory, nothing in the way): with nobody else asking, the arbiter
    /// may grant them as one <see cref="Bus.BurstTrain"/>. The run's position does not move
    /// until the grant arrives, so the arbiter reads the train's length from it then.
    /// </summary>
    public DescriptorRun? Train { get; init; }
}

/// <summary>Physical channel → arbiter: forget my request (pause, terminate).</summary>
/// <param name="Channel">The physical channel's index.</param>
public sealed record WithdrawBusRequest(int Channel);

/// <summary>Physical channel → arbiter: a grant arrived after the channel stopped wanting it; the bus is free at once.</summary>
/// <param name="Channel">The physical channel's index.</param>
public sealed record DeclineGrant(int Channel);

/// <summary>
/// Physical channel → arbiter: I stop my train now (pause, abort, preemption, crash) after
/// <see cref="Bursts"/> bursts and want nothing more; the bus is free at that burst's end.
/// </summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="Bursts">Bursts of the train the channel moved.</param>
public sealed record StopBusTrain(int Channel, int Bursts);

/// <summary>
/// Service physical channel <see cref="Channel"/>'s events on event queue <see cref="Queue"/>
/// (EDMA3: the DT specifier's second cell picks the queue / transfer controller). Only an
/// event-queue policy has queues; others ignore it.
/// </summary>
/// <param name="Channel">The physical channel (on EDMA, the DMA channel = event number's context).</param>
/// <param name="Queue">The event queue.</param>
public sealed record AssignEventQueue(int Channel, int Queue);

/// <summary>Asks what the arbiter has granted so far. Reply: <see cref="ArbiterStatsReply"/>.</summary>
public sealed record GetArbiterStats
{
    /// <summary>The one instance.</summary>
    public static readonly GetArbiterStats Instance = new();
}

/// <summary>Reply: what the arbiter has granted so far (a train in progress counted as per-burst arbitration would have).</summary>
/// <param name="BytesPerChannel">Bus bytes granted to each physical channel.</param>
/// <param name="GrantsPerChannel">Bursts granted to each physical channel.</param>
/// <param name="BusyNanoseconds">Virtual time the bus was busy.</param>
public sealed record ArbiterStatsReply(IReadOnlyList<long> BytesPerChannel, IReadOnlyList<long> GrantsPerChannel, long BusyNanoseconds);

/// <summary>Virtual channel → arbiter: I have issued work and need a physical channel. Answered by <see cref="PhysicalChannelAssigned"/> (or <see cref="PhysicalChannelUnavailable"/>).</summary>
/// <param name="VirtualChannel">The requester.</param>
/// <param name="Index">Its channel number (-1: not given).</param>
public sealed record RequestPhysicalChannel(IActorRef VirtualChannel, int Index = -1);

/// <summary>
/// Controller → arbiter, on a dedicated controller: bind <see cref="VirtualChannel"/> to a free
/// hardware thread (physical channel <see cref="Index"/> when free, else the lowest free one), as
/// pl330's <c>alloc_chan_resources</c> does (V-20). Answered to the sender with
/// <see cref="Controller.OpenVirtualChannelReply"/> carrying <see cref="Port"/>, or
/// <see cref="Controller.OpenVirtualChannelRefusedReply"/> (ENOMEM) when every thread is bound.
/// </summary>
/// <param name="VirtualChannel">The channel's actor.</param>
/// <param name="Index">Its number (the preferred thread).</param>
/// <param name="Port">Its port, for the reply.</param>
public sealed record BindHardwareThread(IActorRef VirtualChannel, int Index, VirtualChannelPort Port);

/// <summary>Controller → arbiter, on a dedicated controller: <see cref="VirtualChannel"/> was freed; its hardware thread is free again.</summary>
/// <param name="VirtualChannel">The channel's actor.</param>
public sealed record UnbindHardwareThread(IActorRef VirtualChannel);

/// <summary>Port → arbiter: a channel joined the <see cref="PendingChannels"/> queue (an issue_pending on the caller's thread).</summary>
public sealed record ChannelsPending
{
    /// <summary>The one instance.</summary>
    public static readonly ChannelsPending Instance = new();
}

/// <summary>Virtual channel → arbiter: forget my request (paused or terminated while waiting).</summary>
/// <param name="VirtualChannel">The requester.</param>
public sealed record CancelPhysicalChannelRequest(IActorRef VirtualChannel);

/// <summary>
/// Virtual channel → arbiter: I am at a descriptor boundary (or was preempted) and give back
/// physical channel <see cref="Channel"/>; <see cref="WantsMore"/> puts me back in the queue.
/// </summary>
/// <param name="Channel">The physical channel's index.</param>
/// <param name="VirtualChannel">The releasing virtual channel.</param>
/// <param name="WantsMore">Whether it still has issued work.</param>
public sealed record ReleasePhysicalChannel(int Channel, IActorRef VirtualChannel, bool WantsMore);

/// <summary>Wiring: DRQs on <see cref="Line"/> come from <see cref="Device"/>.</summary>
/// <param name="Line">The request line.</param>
/// <param name="Device">The device actor.</param>
public sealed record ConnectDevice(int Line, IActorRef Device)
{
    /// <summary>The bus address of the device's FIFO register for this line's direction; null: unknown, descriptors on the line are not checked against it (DA-1).</summary>
    public ulong? FifoAddress { get; init; }
}

/// <summary>Physical channel → arbiter: route requests on <see cref="Line"/> to me while my descriptor runs. Answered by <see cref="LineBound"/>.</summary>
/// <param name="Line">The request line.</param>
/// <param name="Channel">The physical channel's index.</param>
public sealed record BindRequestLine(int Line, int Channel);

/// <summary>Physical channel → arbiter: stop routing <see cref="Line"/> to me, and flush the device so it takes back requests not served.</summary>
/// <param name="Line">The request line.</param>
/// <param name="Channel">The physical channel's index.</param>
public sealed record UnbindRequestLine(int Line, int Channel);

/// <summary>
/// Device → controller: the device's FIFO can give (DEV_TO_MEM, with the bytes in
/// <see cref="Data"/>) or take (MEM_TO_DEV, <see cref="Bytes"/> of room) one request's worth.
/// The arbiter forwards it, the device still its sender, to the physical channel bound to the line.
/// </summary>
/// <param name="Line">The request line.</param>
/// <param name="Kind">Single beat or burst.</param>
/// <param name="Bytes">Bytes the request covers.</param>
/// <param name="Last">drlast: the last request of the device's transfer (device flow control).</param>
/// <param name="Data">For DEV_TO_MEM, the bytes leaving the FIFO; null for MEM_TO_DEV.</param>
public sealed record DrqRaised(int Line, Devices.DrqKind Kind, int Bytes, bool Last, byte[]? Data) : IHardwareEvent
{
    /// <summary>
    /// The binding of the line the request was raised (or routed) under. A channel serves only
    /// requests of its current binding, so a request raised before a flush and still in flight
    /// can never be served twice.
    /// </summary>
    public long BindGeneration { get; init; }

    /// <inheritdoc/>
    public string Describe() => $"drq{Line} {Kind.ToString().ToLowerInvariant()} {Bytes}B{(Last ? " last" : "")}";
}

/// <summary>
/// Device → arbiter: a flush has been handled (the PL330 peripheral's flush acknowledge, drtype
/// 10). Requests that reach the arbiter before it were raised before the flush and are stale;
/// they are dropped.
/// </summary>
/// <param name="Line">The request line.</param>
public sealed record FlushAcknowledged(int Line) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"drq{Line} flush ack";
}

/// <summary>Arbiter timer: the granted burst's last cycle has passed.</summary>
internal sealed record BusFree
{
    public static readonly BusFree Instance = new();
}
