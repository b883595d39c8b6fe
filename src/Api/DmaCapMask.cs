namespace DmaActors.Api;

/// <summary>
/// A device's capabilities, one bit per transaction type at the kernel's bit index.
/// </summary>
/// <remarks>Kernel: <c>dma_cap_mask_t</c> with the bits of <c>enum dma_transaction_type</c>.</remarks>
[Flags]
public enum DmaCapMask
{
    /// <summary>No capability (an empty mask).</summary>
    None = 0,

    /// <summary>Kernel: <c>DMA_MEMCPY</c>.</summary>
    Memcpy = 1 << 0,

    /// <summary>Kernel: <c>DMA_XOR</c>.</summary>
    Xor = 1 << 1,

    /// <summary>Kernel: <c>DMA_PQ</c>.</summary>
    Pq = 1 << 2,

    /// <summary>Kernel: <c>DMA_XOR_VAL</c>.</summary>
    XorVal = 1 << 3,

    /// <summary>Kernel: <c>DMA_PQ_VAL</c>.</summary>
    PqVal = 1 << 4,

    /// <summary>Kernel: <c>DMA_MEMSET</c>.</summary>
    Memset = 1 << 5,

    /// <summary>Kernel: <c>DMA_MEMSET_SG</c>.</summary>
    MemsetSg = 1 << 6,

    /// <summary>Kernel: <c>DMA_INTERRUPT</c>.</summary>
    Interrupt = 1 << 7,

    /// <summary>Kernel: <c>DMA_PRIVATE</c>: channels only by private request, never for async_tx.</summary>
    Private = 1 << 8,

    /// <summary>Kernel: <c>DMA_ASYNC_TX</c>: set by the core only, never by a driver (P-4).</summary>
    AsyncTx = 1 << 9,

    /// <summary>Kernel: <c>DMA_SLAVE</c>.</summary>
    Slave = 1 << 10,

    /// <summary>Kernel: <c>DMA_CYCLIC</c>.</summary>
    Cyclic = 1 << 11,

    /// <summary>Kernel: <c>DMA_INTERLEAVE</c>.</summary>
    Interleave = 1 << 12,

    /// <summary>Kernel: <c>DMA_COMPLETION_NO_ORDER</c>.</summary>
    CompletionNoOrder = 1 << 13,

    /// <summary>Kernel: <c>DMA_REPEAT</c>.</summary>
    Repeat = 1 << 14,

    /// <summary>Kernel: <c>DMA_LOAD_EOT</c>.</summary>
    LoadEot = 1 << 15,
}
