namespace DmaActors.Mapping.Fences;

/// <summary>What a fence in a reservation object stands for, and which fences a wait covers.</summary>
/// <remarks>Kernel: <c>enum dma_resv_usage</c> (KERNEL and BOOKKEEP are not modelled).</remarks>
public enum DmaResvUsage
{
    /// <summary>A writer: the one exclusive fence. Waiting with this usage waits for the writer only (what a reader does).</summary>
    Write,

    /// <summary>A reader: one of the shared fences. Waiting with this usage waits for the writer and every reader (what a writer does).</summary>
    Read,
}
