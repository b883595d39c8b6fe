using DmaActors.Actors.Transfers;
using DmaActors.Api;

namespace DmaActors.Actors.Devices;

/// <summary>
/// What a <see cref="SlaveDeviceActor"/> is: direction, wire rate, FIFO depth and watermark, and
/// the handshake details that differ between peripherals. Presets for real parts are the static
/// factory methods (<see cref="Uart"/>, <see cref="Spi"/>, <see cref="Mmc"/>, <see cref="I2s"/>).
/// </summary>
/// <remarks>
/// The wire carries frames: <see cref="FrameBytes"/> bytes in <see cref="BitsPerFrame"/> bit times
/// (a UART character is 1 byte in 10 bits with 8N1; an I2S stereo 16-bit sample frame is 4 bytes).
/// </remarks>
public sealed partial record DeviceProfile
{
    /// <summary>A short name for logs and traces, e.g. <c>uart-115200-rx</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// <see cref="DmaTransferDirection.DevToMem"/> (RX: the wire fills the FIFO, the DMA drains it) or
    /// <see cref="DmaTransferDirection.MemToDev"/> (TX: the DMA fills the FIFO, the wire drains it).
    /// </summary>
    public required DmaTransferDirection Direction { get; init; }

    /// <summary>Wire bit rate (baud for a UART, SCLK for SPI, data bits per second over all lines for MMC, BCLK for I2S).</summary>
    public required long BitsPerSecond { get; init; }

    /// <summary>Bit times one frame takes on the wire, framing included (10 for UART 8N1).</summary>
    public required int BitsPerFrame { get; init; }

    /// <summary>Data bytes one frame carries.</summary>
    public int FrameBytes { get; init; } = 1;

    /// <summary>FIFO depth in bytes.</summary>
    public required int FifoDepth { get; init; }

    /// <summary>
    /// Burst request size in bytes: RX raises a burst when this many bytes wait in the FIFO, TX
    /// when this much room is free. Should equal the DMA side's <c>maxburst × addr_width</c>.
    /// </summary>
    public required int Watermark { get; init; }

    /// <summary>Bytes of one single request (the FIFO register width, <c>addr_width</c>).</summary>
    public int BeatBytes { get; init; } = 1;

    /// <summary>
    /// TX: the wire clock never stops (I2S, an SPI slave): every frame slot with no data in the
    /// FIFO sends silence and counts an underrun. Otherwise the wire idles while the FIFO is empty.
    /// </summary>
    public bool ContinuousClock { get; init; }

    /// <summary>
    /// RX: a full FIFO stops the wire (MMC: the host gates the card clock) instead of losing the
    /// frames that arrive (a UART counts them as overruns).
    /// </summary>
    public bool Backpressure { get; init; }

    /// <summary>
    /// The device is the flow controller with transfers of this many bytes (an MMC block): the
    /// request that completes a transfer is marked <c>last</c>, and a transfer's tail shorter than
    /// a burst is requested one beat at a time. Null: the DMA's descriptor length ends transfers.
    /// </summary>
    public int? BlockBytes { get; init; }

    /// <summary>
    /// RX timeout in frame times (0: none): when fewer than <see cref="Watermark"/> bytes wait and
    /// nothing has arrived for this long, single requests drain them (the 16550's character timeout).
    /// </summary>
    public int RxTimeoutFrames { get; init; }

    /// <summary>Whether the device receives (DEV_TO_MEM).</summary>
    public bool Receives => Direction == DmaTransferDirection.DevToMem;

    /// <summary>The wire's frame timing.</summary>
    public WireTiming Timing => new(BitsPerSecond, BitsPerFrame);

    /// <summary>Checks the numbers; throws naming what is wrong.</summary>
    public DeviceProfile Validated()
    {
        if (Direction is not (DmaTransferDirection.DevToMem or DmaTransferDirection.MemToDev))
            throw new ArgumentException($"A slave device moves DEV_TO_MEM or MEM_TO_DEV, not {Direction}.", nameof(Direction));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BitsPerSecond, nameof(BitsPerSecond));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BitsPerFrame, nameof(BitsPerFrame));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FrameBytes, nameof(FrameBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BeatBytes, nameof(BeatBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Watermark, nameof(Watermark));
        ArgumentOutOfRangeException.ThrowIfNegative(RxTimeoutFrames, nameof(RxTimeoutFrames));
        if (FifoDepth < Watermark || FifoDepth % FrameBytes != 0)
            throw new ArgumentOutOfRangeException(nameof(FifoDepth), FifoDepth, $"The FIFO ({FifoDepth} bytes) must hold at least the watermark ({Watermark}) and whole frames of {FrameBytes} bytes.");
        if (BeatBytes > Watermark)
            throw new ArgumentOutOfRangeException(nameof(BeatBytes), BeatBytes, $"A beat ({BeatBytes} bytes) cannot exceed the burst watermark ({Watermark}).");
        if (BlockBytes is { } block) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(block, nameof(BlockBytes));
        return this;
    }
}
