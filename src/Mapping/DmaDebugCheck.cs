namespace DmaActors.Mapping;

/// <summary>Which dma-debug check fired (contract 4.6, plus swiotlb and dmapool reports).</summary>
/// <remarks>Kernel: the <c>err_printk()</c> sites of <c>kernel/dma/debug.c</c>.</remarks>
public enum DmaDebugCheck
{
    /// <summary>D-1: unmap/free of DMA_MAPPING_ERROR.</summary>
    FreeInvalidAddress,

    /// <summary>D-2: unmap/free of an address never mapped, or already unmapped.</summary>
    FreeNotAllocated,

    /// <summary>D-3: unmap/free size differs from the map.</summary>
    FreeWrongSize,

    /// <summary>D-4: unmapped with the wrong function (sg vs single vs coherent).</summary>
    FreeWrongFunction,

    /// <summary>D-5: coherent free with a different CPU address.</summary>
    FreeWrongCpuAddress,

    /// <summary>D-6: <c>dma_unmap_sg</c> with a different nents.</summary>
    FreeWrongSgCount,

    /// <summary>D-7: unmap direction differs from the map.</summary>
    FreeWrongDirection,

    /// <summary>D-8: a single mapping unmapped without <c>dma_mapping_error()</c> (reported at unmap, H-14).</summary>
    MapErrorNotChecked,

    /// <summary>D-9: mapping stack memory.</summary>
    MapStack,

    /// <summary>D-10: mapping kernel text or rodata.</summary>
    MapKernelText,

    /// <summary>D-11 / M-8: <c>dma_map_single</c> of vmalloc memory.</summary>
    MapVmalloc,

    /// <summary>D-12: sg segment longer than the device's max segment size.</summary>
    SgSegmentTooLong,

    /// <summary>D-17: a second non-TO_DEVICE mapping of the same cache line.</summary>
    OverlappingCacheline,

    /// <summary>D-13: sync of an address inside no mapping.</summary>
    SyncNotAllocated,

    /// <summary>D-14: sync beyond the end of the mapping.</summary>
    SyncOutOfRange,

    /// <summary>D-15: sync direction differs from the map, or syncs read-only/write-only memory the wrong way.</summary>
    SyncWrongDirection,

    /// <summary>D-16: sg sync with a different nents.</summary>
    SyncWrongSgCount,

    /// <summary>D-18: device released with live mappings or allocations.</summary>
    LeakOnRelease,

    /// <summary>D-19: the entry pool is exhausted; dma-debug turns itself off.</summary>
    DebugOutOfMemory,

    /// <summary>Simulator extension (D-20 says the kernel cannot check it): CPU access to a streaming buffer the device owns.</summary>
    CpuAccessWhileDeviceOwned,

    /// <summary>S-5: swiotlb pool exhausted, or bounce address beyond the mask.</summary>
    SwiotlbFull,

    /// <summary>B-5: <c>dma_pool_destroy</c> with blocks still allocated.</summary>
    PoolBusy,

    /// <summary>B-4: <c>dma_pool_free</c> of an unknown or already free block (DMAPOOL_DEBUG).</summary>
    PoolBadFree,

    /// <summary>DB-6: CPU access to a dma-buf outside <c>dma_buf_begin_cpu_access()</c>/<c>dma_buf_end_cpu_access()</c>.</summary>
    DmaBufCpuAccessWithoutBegin,

    /// <summary>DB-4: <c>dma_buf_map_attachment()</c> of an attachment that was detached.</summary>
    DmaBufMapDetached,

    /// <summary>DB-5: <c>dma_buf_unmap_attachment()</c> of an sg table that attachment did not map.</summary>
    DmaBufUnmapNotMapped,

    /// <summary>DB-8: the last reference to a dma-buf dropped while devices are still attached.</summary>
    DmaBufAttachedAtRelease,

    /// <summary>DB-10: a fence armed for a transfer that can no longer signal it (terminated, or released unsignalled).</summary>
    FenceNeverSignalled,

    /// <summary>DA-3 (simulator extension): a slave channel's <c>maxburst × addr_width</c> differs from the peripheral's FIFO watermark.</summary>
    SlaveBurstMismatch,
}
