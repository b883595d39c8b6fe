namespace DmaActors.Mapping;

/// <summary>Which way data moves through a streaming mapping (values as in the kernel).</summary>
/// <remarks>Kernel: <c>enum dma_data_direction</c>.</remarks>
public enum DmaDataDirection
{
    /// <summary>Both ways; needs both syncs (M-13).</summary>
    /// <remarks>Kernel: <c>DMA_BIDIRECTIONAL</c>.</remarks>
    Bidirectional = 0,

    /// <summary>Memory to device: read-only for the device (M-14).</summary>
    /// <remarks>Kernel: <c>DMA_TO_DEVICE</c>.</remarks>
    ToDevice = 1,

    /// <summary>Device to memory: read-only for the driver while mapped (M-14).</summary>
    /// <remarks>Kernel: <c>DMA_FROM_DEVICE</c>.</remarks>
    FromDevice = 2,

    /// <summary>Debugging only; every map/unmap/sync entry point refuses it (M-7).</summary>
    /// <remarks>Kernel: <c>DMA_NONE</c>.</remarks>
    None = 3,
}
