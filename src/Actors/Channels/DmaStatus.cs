namespace DmaActors.Actors.Channels;

/// <summary>A cookie's state. Kernel: <c>enum dma_status</c> (same values).</summary>
public enum DmaStatus
{
    /// <summary>DMA_COMPLETE.</summary>
    Complete = 0,

    /// <summary>DMA_IN_PROGRESS.</summary>
    InProgress = 1,

    /// <summary>DMA_PAUSED.</summary>
    Paused = 2,

    /// <summary>DMA_ERROR.</summary>
    Error = 3,
}
