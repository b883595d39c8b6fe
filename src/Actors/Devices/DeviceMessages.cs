using DmaActors.Actors.Tracing;

namespace DmaActors.Actors.Devices;

// The DRQ handshake between a slave device and the controller, modelled on the PL330 peripheral
// request interface: the device raises a request (single or burst, possibly marked last), the
// channel serving its line moves the data and acknowledges, and a channel starting or ending a
// descriptor on the line asks the device to flush its request state.

/// <summary>
/// Device → controller: the device's FIFO can give (DEV_TO_MEM, with the bytes in
/// <see cref="Data"/>) or take (MEM_TO_DEV, <see cref="Bytes"/> of room) one request's worth.
/// </summary>
/// <param name="Line">The request line.</param>
/// <param name="Kind">Single beat or burst.</param>
/// <param name="Bytes">Bytes the request covers.</param>
/// <param name="Last">drlast: the last request of the device's transfer (device flow control).</param>
/// <param name="Data">For DEV_TO_MEM, the bytes leaving the FIFO; null for MEM_TO_DEV.</param>
public sealed record DrqRaised(int Line, DrqKind Kind, int Bytes, bool Last, byte[]? Data) : IHardwareEvent
{
    /// <inheritdoc/>
    public string Describe() => $"drq{Line} {Kind.ToString().ToLowerInvariant()} {Bytes}B{(Last ? " last" : "")}";
}

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
    /// <inheritdoc/>
    public string Describe() => $"drq{Line} flush";
}

/// <summary>Channel → device (MEM_TO_DEV): bytes for the device's FIFO, moved by one served request.</summary>
/// <param name="Line">The request line.</param>
/// <param name="Data">The bytes.</param>
public sealed record FifoData(int Line, byte[] Data);
