namespace DmaActors.Api;

/// <summary>Which way a transfer moves data.</summary>
/// <remarks>Kernel: <c>enum dma_transfer_direction</c> (same values).</remarks>
public enum DmaTransferDirection
{
    /// <summary>Kernel: <c>DMA_MEM_TO_MEM</c>.</summary>
    MemToMem = 0,

    /// <summary>Kernel: <c>DMA_MEM_TO_DEV</c>.</summary>
    MemToDev = 1,

    /// <summary>Kernel: <c>DMA_DEV_TO_MEM</c>.</summary>
    DevToMem = 2,

    /// <summary>Kernel: <c>DMA_DEV_TO_DEV</c> (not simulated by the hardware model).</summary>
    DevToDev = 3,

    /// <summary>Kernel: <c>DMA_TRANS_NONE</c>.</summary>
    TransNone = 4,
}
