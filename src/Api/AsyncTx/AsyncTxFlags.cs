namespace DmaActors.Api.AsyncTx;

/// <summary>Options of an async_tx operation .</summary>
/// <remarks>Kernel: <c>enum async_tx_flags</c> (same bits).</remarks>
[Flags]
public enum AsyncTxFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Kernel: <c>ASYNC_TX_XOR_ZERO_DST</c>: the destination is not a source; it is zeroed first.</summary>
    XorZeroDst = 1 << 0,

    /// <summary>Kernel: <c>ASYNC_TX_XOR_DROP_DST</c>: the destination is also the first source.</summary>
    XorDropDst = 1 << 1,

    /// <summary>Kernel: <c>ASYNC_TX_ACK</c>: ack at once; no operation may depend on this one.</summary>
    Ack = 1 << 2,

    /// <summary>Kernel: <c>ASYNC_TX_FENCE</c>: the next operation uses this one's result (<c>DMA_PREP_FENCE</c>).</summary>
    Fence = 1 << 3,

    /// <summary>Kernel: <c>ASYNC_TX_PQ_XOR_DST</c> (no PQ here; accepted and ignored).</summary>
    PqXorDst = 1 << 4,
}
