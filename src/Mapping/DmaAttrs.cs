namespace DmaActors.Mapping;

/// <summary>Attributes that change how a streaming mapping is made (bit values as in the kernel).</summary>
/// <remarks>Kernel: <c>DMA_ATTR_*</c> (<c>include/linux/dma-mapping.h</c>).</remarks>
[Flags]
public enum DmaAttrs
{
    /// <summary>No attribute.</summary>
    None = 0,

    /// <summary>Skip the implicit cache syncs at map and unmap, the swiotlb copy-out at unmap and the dma-debug overlap check (M-15).</summary>
    /// <remarks>Kernel: <c>DMA_ATTR_SKIP_CPU_SYNC</c>.</remarks>
    SkipCpuSync = 1 << 5,

    /// <summary>Do not warn when the map fails (swiotlb full, S-5).</summary>
    /// <remarks>Kernel: <c>DMA_ATTR_NO_WARN</c>.</remarks>
    NoWarn = 1 << 8,
}
