using DmaActors.Api;

namespace DmaActors.Actors.Transfers;

/// <summary>
/// What a descriptor asks the hardware to do, in the one shape the physical channel executes: a
/// list of segments, moved in bursts of at most <see cref="BurstBytes"/>, optionally paced by a
/// device's DRQ <see cref="RequestLine"/>, optionally repeated forever (<see cref="Cyclic"/>).
/// Build one with the factory methods, which check the arguments the way the kernel's prep
/// callbacks do.
/// </summary>
public sealed record TransferSpec
{
    private TransferSpec(TransferKind kind, DmaTransferDirection direction, IReadOnlyList<TransferSegment> segments, int burstBytes, int beatBytes)
    {
        Kind = kind;
        Direction = direction;
        Segments = segments;
        BurstBytes = burstBytes;
        BeatBytes = beatBytes;
        TotalBytes = segments.Sum(s => (long)s.Length);
    }

    /// <summary>The prep family this came from.</summary>
    public TransferKind Kind { get; }

    /// <summary>Which way the data moves.</summary>
    public DmaTransferDirection Direction { get; }

    /// <summary>The pieces, in order.</summary>
    public IReadOnlyList<TransferSegment> Segments { get; }

    /// <summary>Bytes per bus burst: <c>maxburst × addr_width</c> on the memory side.</summary>
    public int BurstBytes { get; }

    /// <summary>Bytes per beat (<c>addr_width</c>): the unit of a single request.</summary>
    public int BeatBytes { get; }

    /// <summary>Bytes the descriptor moves (one pass, for cyclic).</summary>
    public long TotalBytes { get; }

    /// <summary>The DRQ line that paces a slave transfer; null for memory-to-memory.</summary>
    public int? RequestLine { get; init; }

    /// <summary>Whether the segments repeat until the channel is terminated.</summary>
    public bool Cyclic { get; init; }

    /// <summary>
    /// How many times each byte crosses the controller's bus: 1 when the source and destination
    /// sides are on different bus masters (the read of one beat overlaps the write of the last),
    /// 2 when both are on one master (read, then write, on the same bus). PL08x: the AHB masters
    /// <c>pl08x_select_bus()</c> picks for the peripheral and memory sides.
    /// </summary>
    public int BusPasses { get; init; } = 1;

    /// <summary>
    /// The device-side bus address the driver programmed: <c>dma_slave_config.src_addr</c> for
    /// DEV_TO_MEM, <c>dst_addr</c> for MEM_TO_DEV (0 when it never set it). Null: not given, not
    /// checked. A slave descriptor whose address is not the FIFO register of the peripheral on its
    /// request line fails when it starts (DA-1, DA-2 in docs/CONTRACT-ADDITIONS.md).
    /// </summary>
    public ulong? DeviceAddress { get; init; }

    /// <summary>Who ends a slave transfer.</summary>
    public FlowController FlowController { get; init; } = FlowController.Dma;

    /// <summary>Whether a device is the source or destination (slave transfers).</summary>
    public bool IsSlave => Direction is DmaTransferDirection.MemToDev or DmaTransferDirection.DevToMem;

    /// <summary>memcpy of <paramref name="length"/> bytes.</summary>
    public static TransferSpec Memcpy(ulong source, ulong destination, int length, int burstBytes) =>
        new(TransferKind.Memcpy, DmaTransferDirection.MemToMem, [new TransferSegment(source, destination, Positive(length, nameof(length)), false)], Positive(burstBytes, nameof(burstBytes)), 1);

    /// <summary>memset of <paramref name="length"/> bytes to <paramref name="value"/>.</summary>
    public static TransferSpec Memset(ulong destination, byte value, int length, int burstBytes) =>
        new(TransferKind.Memset, DmaTransferDirection.MemToMem, [new TransferSegment(value, destination, Positive(length, nameof(length)), false)], Positive(burstBytes, nameof(burstBytes)), 1);

    /// <summary>A slave scatter-gather transfer over <paramref name="chunks"/> of memory, paced by <paramref name="requestLine"/>.</summary>
    public static TransferSpec SlaveSg(DmaTransferDirection direction, IReadOnlyList<(ulong Address, int Length)> chunks, int requestLine, int beatBytes, int maxBurst)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        if (chunks.Count == 0) throw new ArgumentException("A scatter-gather list needs at least one entry.", nameof(chunks));
        var segments = chunks.Select(c => SlaveSegment(direction, c.Address, Positive(c.Length, nameof(chunks)), periodEnd: false)).ToArray();
        return new TransferSpec(TransferKind.SlaveSg, SlaveDirection(direction), segments, BurstOf(beatBytes, maxBurst), beatBytes) { RequestLine = requestLine };
    }

    /// <summary>A cyclic transfer over a ring buffer split into periods, repeated until terminated.</summary>
    public static TransferSpec CyclicBuffer(DmaTransferDirection direction, ulong buffer, int bufferLength, int periodLength, int requestLine, int beatBytes, int maxBurst)
    {
        Positive(bufferLength, nameof(bufferLength));
        Positive(periodLength, nameof(periodLength));
        if (bufferLength % periodLength != 0)
            throw new ArgumentException($"The buffer ({bufferLength} bytes) is not a whole number of periods of {periodLength} bytes.", nameof(periodLength));
        var segments = Enumerable.Range(0, bufferLength / periodLength)
            .Select(p => SlaveSegment(direction, buffer + (ulong)(p * periodLength), periodLength, periodEnd: true))
            .ToArray();
        return new TransferSpec(TransferKind.Cyclic, SlaveDirection(direction), segments, BurstOf(beatBytes, maxBurst), beatBytes) { RequestLine = requestLine, Cyclic = true };
    }

    /// <summary>An interleaved (2-D) memory-to-memory transfer, expanded into one segment per chunk.</summary>
    public static TransferSpec Interleaved(InterleavedTemplate template, int burstBytes)
    {
        ArgumentNullException.ThrowIfNull(template);
        Positive(template.Frames, nameof(template.Frames));
        if (template.Chunks.Count == 0) throw new ArgumentException("An interleaved frame needs at least one chunk.", nameof(template));
        var segments = new List<TransferSegment>(template.Frames * template.Chunks.Count);
        ulong src = template.SourceStart, dst = template.DestinationStart;
        for (int frame = 0; frame < template.Frames; frame++)
        {
            foreach (var (size, gap) in template.Chunks)
            {
                segments.Add(new TransferSegment(src, dst, Positive(size, nameof(template.Chunks))));
                if (template.SourceIncrements) src += (ulong)(size + (template.SourceSkipsGaps ? gap : 0));
                if (template.DestinationIncrements) dst += (ulong)(size + (template.DestinationSkipsGaps ? gap : 0));
            }
        }
        return new TransferSpec(TransferKind.Interleaved, DmaTransferDirection.MemToMem, segments, Positive(burstBytes, nameof(burstBytes)), 1);
    }

    private static TransferSegment SlaveSegment(DmaTransferDirection direction, ulong address, int length, bool periodEnd) =>
        direction == DmaTransferDirection.MemToDev
            ? new TransferSegment(address, 0, length, periodEnd)
            : new TransferSegment(0, address, length, periodEnd);

    private static DmaTransferDirection SlaveDirection(DmaTransferDirection direction) =>
        direction is DmaTransferDirection.MemToDev or DmaTransferDirection.DevToMem
            ? direction
            : throw new ArgumentException($"A slave transfer moves MEM_TO_DEV or DEV_TO_MEM, not {direction}.", nameof(direction));

    private static int BurstOf(int beatBytes, int maxBurst) => Positive(beatBytes, nameof(beatBytes)) * Positive(maxBurst, nameof(maxBurst));

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
}
