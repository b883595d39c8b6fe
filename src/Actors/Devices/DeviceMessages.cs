using DmaActors.Actors.Tracing;

namespace DmaActors.Actors.Devices;

// Everything a slave device is told, what it answers, and what it reports to its listener. The DRQ
// handshake with the controller is modelled on the PL330 peripheral request interface: the
// device raises a request (DrqRaised, in the arbiter's catalogue: single or burst, possibly marked
// last), the channel serving its line moves the data and acknowledges, and a channel starting or
// ending a descriptor on the line has the arbiter flush the device's request state (the device
// answers FlushAcknowledged, also in the arbiter's catalogue).

/// <summary>Channel → device: the request on <see cref="Line"/> has been served (datype single/burst done).</summary>
/// <param name="Line">The request line.</param>
/// <param name="Kind">What was served.</param>
public sealed record DrqAcknowledged(int Line, DrqKind Kind) : IHardwareEvent
{
    /// <summary>
    /// DEV_TO_MEM: how many of the request's bytes the channel took (fewer at a descriptor's end,
    /// none after a bus error); the device puts the rest back at the front of its FIFO.
    /// Null: the whole request (and always for MEM_TO_DEV).
    /// </summary>
    public int? ConsumedBytes { get; init; }

    /// <inheritdoc/>
    public string Describe() => $"drq{Line} ack";
}

/// <summary>
/// Channel → device: forget any outstanding request (DMAFLUSHP), because a descriptor is starting
/// or has ended on this line; the device raises a fresh one if it is ready. For DEV_TO_MEM the
/// bytes of a dropped request go back to the front of its FIFO.
/// </summary>
/// <param name="Line">The request line.</param>
public sealed record FlushRequests(int Line) : IHardwareEvent
{
    /// <summary>
    /// The binding of the line from now on (0: unbound). The device stamps the requests it raises
    /// after the flush with it, so the arbiter can route them without copying.
    /// </summary>
    public long BindGeneration { get; init; }

    /// <inheritdoc/>
    public string Describe() => $"drq{Line} flush";
}

/// <summary>Channel → device (MEM_TO_DEV): bytes for the device's FIFO, moved by one served request.</summary>
/// <param name="Line">The request line.</param>
/// <param name="Data">The bytes.</param>
public sealed record FifoData(int Line, byte[] Data);

// Control and observation of a simulated device (not part of the DRQ handshake): starting and
// stopping its wire, forcing FIFO faults, reading its counters, and the FIFO fault events it
// reports to its listener (the interrupt line a driver would see).

/// <summary>
/// Starts the device's wire at the current virtual time: an RX device's remote end starts
/// sending, a TX device's wire starts taking frames from the FIFO. Ignored while started.
/// </summary>
/// <param name="WireBytes">RX: the remote sends this many bytes, then the wire falls silent; null: forever. Ignored for TX.</param>
public sealed record StartDevice(long? WireBytes = null) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => WireBytes is { } bytes ? $"device start {bytes}B" : "device start";
}

/// <summary>
/// RX: the remote end sends <paramref name="Bytes"/> more bytes (taken from the device's
/// <see cref="WireLog"/>, or its pattern without one) after those it has sent or is to send, at the
/// wire's rate from now; starts a stopped wire. A TX device ignores it (and logs a warning).
/// </summary>
/// <param name="Bytes">How many bytes (whole frames).</param>
public sealed record SendOnWire(long Bytes) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"wire send {Bytes}B";
}

/// <summary>Stops the wire at the current virtual time; the FIFO keeps its bytes and DMA requests go on.</summary>
public sealed record StopDevice : IHardwareEvent
{
    /// <summary>The one instance.</summary>
    public static readonly StopDevice Instance = new();

    /// <inheritdoc/>
    public string Describe() => "device stop";
}

/// <summary>Forces a FIFO fault now (see <see cref="DeviceFaultKind"/> for what each does).</summary>
/// <param name="Kind">Overrun or underrun.</param>
public sealed record InjectDeviceFault(DeviceFaultKind Kind) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"inject {Kind.ToString().ToLowerInvariant()}";
}

/// <summary>Asks a device for its counters, counted up to the current virtual time. Reply: <see cref="DeviceStatsReply"/>.</summary>
public sealed record GetDeviceStats
{
    /// <summary>The one instance.</summary>
    public static readonly GetDeviceStats Instance = new();
}

/// <summary>Reply: a device's counters.</summary>
/// <param name="WireBytes">RX: bytes that came off the wire, lost ones included; TX: bytes handed to the wire (silence excluded).</param>
/// <param name="DmaBytes">Bytes the DMA moved: RX, taken from requests (acknowledged); TX, delivered into the FIFO.</param>
/// <param name="Overruns">Frames lost to a full FIFO.</param>
/// <param name="BytesLost">Bytes lost to a full FIFO.</param>
/// <param name="Underruns">TX frame slots that found no data and sent silence.</param>
/// <param name="Mismatches">TX bytes on the wire that differ from the expected pattern.</param>
/// <param name="FirstMismatchIndex">Stream index of the first mismatch, or -1.</param>
/// <param name="Requests">DRQs raised.</param>
/// <param name="BurstRequests">Of which bursts.</param>
/// <param name="SingleRequests">Of which singles.</param>
/// <param name="LastRequests">Of which marked last.</param>
/// <param name="Flushes">Flushes received.</param>
/// <param name="BytesReturned">RX bytes put back at the front of the FIFO (partly consumed or flushed requests).</param>
/// <param name="FifoLevel">Bytes in the FIFO now, those of an outstanding RX request included.</param>
/// <param name="OutstandingBytes">Bytes of the request raised and not yet acknowledged or flushed (0: none).</param>
/// <param name="Blocks">Transfers completed with the device as flow controller.</param>
/// <param name="WireBusyUntilNanoseconds">RX: when the last frame arrived; TX: when the last frame handed to the wire ends.</param>
/// <param name="Running">Whether the wire is started.</param>
public sealed record DeviceStatsReply(
    long WireBytes,
    long DmaBytes,
    long Overruns,
    long BytesLost,
    long Underruns,
    long Mismatches,
    long FirstMismatchIndex,
    long Requests,
    long BurstRequests,
    long SingleRequests,
    long LastRequests,
    long Flushes,
    long BytesReturned,
    int FifoLevel,
    int OutstandingBytes,
    long Blocks,
    long WireBusyUntilNanoseconds,
    bool Running);

/// <summary>Device → listener: <see cref="Frames"/> frames were lost to a full RX FIFO, the first at <see cref="AtNanoseconds"/>.</summary>
/// <param name="Line">The device's request line.</param>
/// <param name="Frames">Frames lost.</param>
/// <param name="AtNanoseconds">Virtual time the first of them arrived.</param>
public sealed record FifoOverrun(int Line, long Frames, long AtNanoseconds) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"drq{Line} overrun {Frames} frame(s) from {AtNanoseconds}ns";
}

/// <summary>Device → listener: <see cref="Frames"/> TX frame slots found the FIFO empty, the first at <see cref="AtNanoseconds"/>.</summary>
/// <param name="Line">The device's request line.</param>
/// <param name="Frames">Frame slots that sent silence.</param>
/// <param name="AtNanoseconds">Virtual time the first of them started.</param>
public sealed record FifoUnderrun(int Line, long Frames, long AtNanoseconds) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"drq{Line} underrun {Frames} frame(s) from {AtNanoseconds}ns";
}
