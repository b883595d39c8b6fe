namespace DmaActors.Mapping;

/// <summary>How a tracked mapping was made; unmapping with another function is D-4.</summary>
/// <remarks>Kernel: <c>dma_debug_type</c> (<c>dma_map_page</c> and <c>dma_map_single</c> are both "single").</remarks>
public enum DmaDebugEntryType
{
    /// <summary><c>dma_map_single</c> / <c>dma_map_page</c>.</summary>
    SingleOrPage,

    /// <summary><c>dma_map_sg</c>.</summary>
    ScatterGather,

    /// <summary><c>dma_alloc_coherent</c>.</summary>
    Coherent,
}
