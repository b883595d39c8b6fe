namespace DmaActors.Actors.Transfers;

/// <summary>How a descriptor ended. Kernel: <c>enum dmaengine_tx_result</c> (same values).</summary>
public enum TransferResult
{
    /// <summary>DMA_TRANS_NOERROR.</summary>
    NoError = 0,

    /// <summary>DMA_TRANS_READ_FAILED: a bus error while reading the source.</summary>
    ReadFailed = 1,

    /// <summary>DMA_TRANS_WRITE_FAILED: a bus error while writing the destination.</summary>
    WriteFailed = 2,

    /// <summary>DMA_TRANS_ABORTED: the transfer was stopped (terminate, device fault, actor crash).</summary>
    Aborted = 3,
}
