namespace DmaActors.Api;

/// <summary>A completion callback that also receives how the descriptor ended (C-33).</summary>
/// <param name="callbackParam">The descriptor's <see cref="DmaAsyncTxDescriptor.CallbackParam"/>.</param>
/// <param name="result">Result and residue.</param>
/// <remarks>Kernel: <c>dma_async_tx_callback_result</c>.</remarks>
public delegate void DmaAsyncTxCallbackResult(object? callbackParam, DmaengineResult result);
