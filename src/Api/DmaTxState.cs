namespace DmaActors.Api;

/// <summary>Filled in by <see cref="DmaChan.TxStatus(int, out DmaTxState)"/>.</summary>
/// <param name="Last">Kernel: <c>last</c>: last completed cookie.</param>
/// <param name="Used">Kernel: <c>used</c>: last assigned cookie.</param>
/// <param name="Residue">Kernel: <c>residue</c>: bytes left of the cookie asked about, at the device's granularity (C-47).</param>
/// <param name="InFlightBytes">Kernel: <c>in_flight_bytes</c> (always 0: the model keeps no FIFO data in flight at a status query).</param>
/// <remarks>Kernel: <c>struct dma_tx_state</c>.</remarks>
public readonly record struct DmaTxState(int Last, int Used, long Residue, long InFlightBytes);
