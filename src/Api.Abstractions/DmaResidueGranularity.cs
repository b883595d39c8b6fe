namespace DmaActors.Api;

/// <summary>How finely a device reports residue (C-47).</summary>
/// <remarks>Kernel: <c>enum dma_residue_granularity</c> (same values).</remarks>
public enum DmaResidueGranularity
{
    /// <summary>Kernel: <c>DMA_RESIDUE_GRANULARITY_DESCRIPTOR</c>.</summary>
    Descriptor = 0,

    /// <summary>Kernel: <c>DMA_RESIDUE_GRANULARITY_SEGMENT</c>.</summary>
    Segment = 1,

    /// <summary>Kernel: <c>DMA_RESIDUE_GRANULARITY_BURST</c>.</summary>
    Burst = 2,
}
