namespace DmaActors.Api.AsyncTx;

/// <summary>How an async_tx operation is submitted .</summary>
/// <param name="Flags">Kernel: <c>flags</c>.</param>
/// <param name="DependTx">Kernel: <c>depend_tx</c>: the operation starts only after this one completes .</param>
/// <param name="CbFn">Kernel: <c>cb_fn</c>: run on completion (on the channel's completion actor, or in the caller's context on the synchronous path).</param>
/// <param name="CbParam">Kernel: <c>cb_param</c>.</param>
/// <remarks>Kernel: <c>struct async_submit_ctl</c>, built by <c>init_async_submit()</c>.</remarks>
public sealed record AsyncSubmitCtl(AsyncTxFlags Flags = AsyncTxFlags.None, DmaAsyncTxDescriptor? DependTx = null, DmaAsyncTxCallback? CbFn = null, object? CbParam = null);
