namespace DmaActors.Api;

/// <summary>A set of transfer directions, one bit per <see cref="DmaTransferDirection"/> (C-15).</summary>
/// <remarks>Kernel: <c>dma_device.directions</c> / <c>dma_slave_caps.directions</c>, <c>BIT(enum dma_transfer_direction)</c>.</remarks>
[Flags]
public enum DmaDirections
{
    /// <summary>No direction.</summary>
    None = 0,

    /// <summary>Kernel: <c>BIT(DMA_MEM_TO_MEM)</c>.</summary>
    MemToMem = 1 << 0,

    /// <summary>Kernel: <c>BIT(DMA_MEM_TO_DEV)</c>.</summary>
    MemToDev = 1 << 1,

    /// <summary>Kernel: <c>BIT(DMA_DEV_TO_MEM)</c>.</summary>
    DevToMem = 1 << 2,

    /// <summary>Kernel: <c>BIT(DMA_DEV_TO_DEV)</c>.</summary>
    DevToDev = 1 << 3,
}
