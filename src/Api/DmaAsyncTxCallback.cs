namespace DmaActors.Api;

/// <summary>A completion (or, for cyclic, period) callback.</summary>
/// <param name="callbackParam">The descriptor's <see cref="DmaAsyncTxDescriptor.CallbackParam"/>.</param>
/// <remarks>Kernel: <c>dma_async_tx_callback</c>.</remarks>
public delegate void DmaAsyncTxCallback(object? callbackParam);
