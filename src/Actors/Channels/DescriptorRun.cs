using DmaActors.Actors.Bus;
using DmaActors.Actors.Transfers;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Channels;

/// <summary>
/// The execution state of one active descriptor: where the physical channel is in its segments.
/// Handed from the virtual channel to a physical channel at start, and back if preempted.
/// </summary>
/// <remarks>
/// Publication: only the physical channel currently running it writes the position; the virtual
/// channel reads <see cref="BytesMoved"/> (a volatile long) to report residue at burst
/// granularity without a round trip. Everything else is touched by one actor at a time, by the
/// hand-over messages.
/// </remarks>
public sealed class DescriptorRun
{
    private long _bytesMoved;

    internal DescriptorRun(long descriptorId, int cookie, TransferSpec spec)
    {
        DescriptorId = descriptorId;
        Cookie = cookie;
        Spec = spec;
    }

    /// <summary>The descriptor this run executes.</summary>
    public long DescriptorId { get; }

    /// <summary>Its cookie.</summary>
    public int Cookie { get; }

    /// <summary>What to do.</summary>
    public TransferSpec Spec { get; }

    /// <summary>The train of coalesced bursts running now, with where it started; null between trains.</summary>
    private TrainPosition? _train;

    /// <summary>Bytes moved in the current pass (for cyclic, since the buffer last wrapped), not counting a train in progress.</summary>
    public long BytesMoved => Volatile.Read(ref _bytesMoved);

    /// <summary>Bytes not yet moved in the current pass, not counting a train in progress.</summary>
    public long Residue => Spec.TotalBytes - BytesMoved;

    /// <summary>
    /// Bytes moved by now on <paramref name="clock"/>: a train in progress counts the bursts
    /// granted by then, whose data per-burst arbitration would have moved already.
    /// </summary>
    public long BytesMovedAt(IClock clock)
    {
        var train = Volatile.Read(ref _train);
        return train is null ? BytesMoved : train.BytesMoved + (long)train.Schedule.StartedBy(clock) * train.Schedule.BurstBytes;
    }

    /// <summary>Bytes not yet moved by now on <paramref name="clock"/> (see <see cref="BytesMovedAt"/>).</summary>
    public long ResidueAt(IClock clock) => Spec.TotalBytes - BytesMovedAt(clock);

    /// <summary>Segments wholly moved by now on <paramref name="clock"/>, a train in progress included.</summary>
    public int SegmentsDoneAt(IClock clock)
    {
        var train = Volatile.Read(ref _train);
        if (train is null) return SegmentIndex;
        long offset = train.SegmentOffset + (long)train.Schedule.StartedBy(clock) * train.Schedule.BurstBytes;
        return train.SegmentIndex + (offset >= Spec.Segments[train.SegmentIndex].Length ? 1 : 0);
    }

    /// <summary>Residue at segment granularity by now on <paramref name="clock"/>: the bytes of the segments not wholly moved.</summary>
    public long SegmentResidueAt(IClock clock)
    {
        int done = SegmentsDoneAt(clock);
        long moved = 0;
        for (int i = 0; i < done && i < Spec.Segments.Count; i++) moved += Spec.Segments[i].Length;
        return Spec.TotalBytes - moved;
    }

    /// <summary>Marks a train as started from the current position (published for readers of <see cref="BytesMovedAt"/>).</summary>
    internal void BeginTrain(BurstTrain schedule) =>
        Volatile.Write(ref _train, new TrainPosition(schedule, BytesMoved, SegmentIndex, SegmentOffset));

    /// <summary>Forgets the train; call after advancing by what it moved.</summary>
    internal void EndTrain() => Volatile.Write(ref _train, null);

    /// <summary>The segment being worked on.</summary>
    internal int SegmentIndex { get; set; }

    /// <summary>Bytes of that segment already moved.</summary>
    internal int SegmentOffset { get; set; }

    /// <summary>Whether every byte of a one-shot descriptor has moved.</summary>
    internal bool DataComplete => !Spec.Cyclic && SegmentIndex >= Spec.Segments.Count;

    internal TransferSegment CurrentSegment => Spec.Segments[SegmentIndex];

    /// <summary>Bytes from here to the end of the current pass.</summary>
    internal long RemainingInPass => Spec.TotalBytes - BytesMoved;

    /// <summary>Whole bursts left in the current segment.</summary>
    internal int WholeBurstsLeftInSegment => Spec.BurstBytes <= 0 ? 0 : (CurrentSegment.Length - SegmentOffset) / Spec.BurstBytes;

    /// <summary>The burst asked for after <paramref name="bursts"/> whole bursts: the segment's tail, the next segment's first burst, or 0 at the end.</summary>
    internal int BytesAfterWholeBursts(int bursts)
    {
        int burst = Spec.BurstBytes;
        int left = CurrentSegment.Length - SegmentOffset - (bursts * burst);
        if (left > 0) return Math.Min(burst, left);
        int next = SegmentIndex + 1;
        return next < Spec.Segments.Count ? Math.Max(1, Math.Min(burst, Spec.Segments[next].Length)) : 0;
    }

    /// <summary>Advances by <paramref name="bytes"/> within the current segment; returns whether that ended a period.</summary>
    internal bool Advance(int bytes)
    {
        SegmentOffset += bytes;
        Volatile.Write(ref _bytesMoved, _bytesMoved + bytes);
        if (SegmentOffset < CurrentSegment.Length) return false;
        bool periodEnd = CurrentSegment.PeriodEnd;
        SegmentOffset = 0;
        SegmentIndex++;
        if (Spec.Cyclic && SegmentIndex == Spec.Segments.Count)
        {
            SegmentIndex = 0;
            Volatile.Write(ref _bytesMoved, 0);
        }
        return periodEnd;
    }

    /// <summary>A train and the position it started from, published as one immutable snapshot.</summary>
    private sealed record TrainPosition(BurstTrain Schedule, long BytesMoved, int SegmentIndex, int SegmentOffset);
}
