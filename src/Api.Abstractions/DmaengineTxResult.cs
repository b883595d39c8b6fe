namespace DmaActors.Api;

/// <summary>How a descriptor ended, as <c>callback_result</c> sees it.</summary>
/// <remarks>Kernel: <c>enum dmaengine_tx_result</c> (same values).</remarks>
public enum DmaengineTxResult
{
    /// <summary>Kernel: <c>DMA_TRANS_NOERROR</c>.</summary>
    NoError = 0,

    /// <summary>Kernel: <c>DMA_TRANS_READ_FAILED</c>.</summary>
    ReadFailed = 1,

    /// <summary>Kernel: <c>DMA_TRANS_WRITE_FAILED</c>.</summary>
    WriteFailed = 2,

    /// <summary>Kernel: <c>DMA_TRANS_ABORTED</c>.</summary>
    Aborted = 3,
}
