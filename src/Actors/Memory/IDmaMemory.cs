namespace DmaActors.Actors.Memory;

/// <summary>
/// Memory as a DMA master sees it, at bus (DMA) addresses. <see cref="PhysicalMemory"/> is the
/// identity view (bus address = physical address); an IOMMU view translates page by page and
/// answers an unmapped address with a bus error, which fails the transfer with the kernel's
/// result code (DMA_TRANS_READ_FAILED / _WRITE_FAILED).
/// </summary>
public interface IDmaMemory
{
    /// <summary>Reads into <paramref name="destination"/>; a non-Ok status means nothing was read.</summary>
    BusStatus Read(ulong address, Span<byte> destination);

    /// <summary>Writes <paramref name="source"/>; a non-Ok status means nothing was written.</summary>
    BusStatus Write(ulong address, ReadOnlySpan<byte> source);

    /// <summary>Fills <paramref name="length"/> bytes with <paramref name="value"/>.</summary>
    BusStatus Fill(ulong address, byte value, long length);

    /// <summary>Copies <paramref name="length"/> bytes from <paramref name="source"/> to <paramref name="destination"/>.</summary>
    BusStatus Copy(ulong source, ulong destination, long length);

    /// <summary>
    /// Whether an access of <paramref name="length"/> bytes at <paramref name="address"/> would
    /// succeed now (no bus error). A physical channel coalesces bursts only over ranges known to
    /// be accessible, so that a fault still ends the transfer at the burst that hits it; the
    /// default, false, means "not known" and keeps every burst separate.
    /// </summary>
    bool CanAccess(ulong address, long length, bool write) => false;

    /// <summary>
    /// Where a coalesced burst train may park its data until it falls due (see
    /// <see cref="DeferredTransfer"/>); null (the default) when this memory cannot guarantee that
    /// every observer catches up first, which keeps every burst separate.
    /// </summary>
    DeferredWrites? DeferredWrites => null;
}
