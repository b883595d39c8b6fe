namespace DmaActors.Actors.Transfers;

/// <summary>
/// One contiguous piece of a transfer. The device side of a slave transfer has no address (its
/// FIFO is the port), so <see cref="Source"/> is ignored for DEV_TO_MEM and
/// <see cref="Destination"/> for MEM_TO_DEV; for memset <see cref="Source"/> is the fill byte.
/// </summary>
/// <param name="Source">Source address (or fill value for memset).</param>
/// <param name="Destination">Destination address.</param>
/// <param name="Length">Bytes.</param>
/// <param name="PeriodEnd">For cyclic transfers: finishing this segment ends a period (a period callback).</param>
public readonly record struct TransferSegment(ulong Source, ulong Destination, int Length, bool PeriodEnd = false);
