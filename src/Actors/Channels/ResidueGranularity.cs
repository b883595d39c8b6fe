namespace DmaActors.Actors.Channels;

/// <summary>How finely a controller reports residue. Kernel: <c>enum dma_residue_granularity</c>.</summary>
public enum ResidueGranularity
{
    /// <summary>DMA_RESIDUE_GRANULARITY_DESCRIPTOR: the whole length until the descriptor completes.</summary>
    Descriptor = 0,

    /// <summary>DMA_RESIDUE_GRANULARITY_SEGMENT: updated as each segment (sg entry, period) completes.</summary>
    Segment = 1,

    /// <summary>DMA_RESIDUE_GRANULARITY_BURST: updated after every burst.</summary>
    Burst = 2,
}
