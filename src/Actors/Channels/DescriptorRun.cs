using DmaActors.Actors.Transfers;

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

    /// <summary>Bytes moved in the current pass (for cyclic, since the buffer last wrapped).</summary>
    public long BytesMoved => Volatile.Read(ref _bytesMoved);

    /// <summary>Bytes not yet moved in the current pass.</summary>
    public long Residue => Spec.TotalBytes - BytesMoved;

    /// <summary>The segment being worked on.</summary>
    internal int SegmentIndex { get; set; }

    /// <summary>Bytes of that segment already moved.</summary>
    internal int SegmentOffset { get; set; }


    /// <summary>Whether every byte of a one-shot descriptor has moved.</summary>
    internal bool DataComplete => !Spec.Cyclic && SegmentIndex >= Spec.Segments.Count;

    internal TransferSegment CurrentSegment => Spec.Segments[SegmentIndex];

    /// <summary>Bytes from here to the end of the current pass.</summary>
    internal long RemainingInPass => Spec.TotalBytes - BytesMoved;

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
}
