namespace DmaActors.Api.AsyncTx;

/// <summary>async_tx's view of one descriptor: its dependency links and whether it is done. Guarded by <see cref="AsyncTxApi"/>'s lock.</summary>
internal sealed class AsyncTxNode(DmaAsyncTxDescriptor tx, DmaChan chan)
{
    public DmaAsyncTxDescriptor Tx { get; } = tx;

    public DmaChan Chan { get; } = chan;

    /// <summary>Kernel: <c>tx-&gt;next</c>: the one operation waiting on this one (dependencies are 1:1, A-5).</summary>
    public AsyncTxNode? Child { get; set; }

    /// <summary>Whether <c>Tx</c> has been submitted to its channel (false while it waits for its parent).</summary>
    public bool Submitted { get; set; }

    /// <summary>Whether the hardware completed it (its callback ran).</summary>
    public bool Completed { get; set; }

    /// <summary>Kernel: <c>async_tx_test_ack()</c>.</summary>
    public bool Acked { get; set; }
}
