namespace DmaActors.Mapping;

/// <summary>A snapshot of the bounce-buffer pool's counters.</summary>
/// <param name="TotalSlots">Slots in the pool.</param>
/// <param name="UsedSlots">Slots held by live mappings.</param>
/// <param name="Mappings">Bounced mappings made so far.</param>
/// <param name="Failures">Maps refused (pool full or beyond the mask).</param>
/// <param name="BytesBouncedIn">Bytes copied original to bounce (map, sync_for_device).</param>
/// <param name="BytesBouncedOut">Bytes copied bounce to original (unmap, sync_for_cpu).</param>
/// <remarks>Kernel: debugfs <c>swiotlb/io_tlb_nslabs</c>, <c>io_tlb_used</c>, plus counters the kernel does not keep.</remarks>
public sealed record SwiotlbStats(int TotalSlots, int UsedSlots, long Mappings, long Failures, long BytesBouncedIn, long BytesBouncedOut);
