namespace DmaActors.Api;

/// <summary>A cookie's state.</summary>
/// <remarks>Kernel: <c>enum dma_status</c> (same values).</remarks>
public enum DmaStatus
{
    /// <summary>Kernel: <c>DMA_COMPLETE</c>.</summary>
    Complete = 0,

    /// <summary>Kernel: <c>DMA_IN_PROGRESS</c>.</summary>
    InProgress = 1,

    /// <summary>Kernel: <c>DMA_PAUSED</c>.</summary>
    Paused = 2,

    /// <summary>Kernel: <c>DMA_ERROR</c>.</summary>
    Error = 3,

    /// <summary>Kernel: <c>DMA_OUT_OF_ORDER</c> (never reported: no simulated controller completes out of order).</summary>
    OutOfOrder = 4,
}
