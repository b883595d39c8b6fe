namespace DmaActors.Api;

/// <summary>Decides whether a candidate channel suits the caller (C-7).</summary>
/// <param name="chan">The candidate, not yet taken.</param>
/// <param name="filterParam">The caller's parameter.</param>
/// <returns>True to take the channel.</returns>
/// <remarks>Kernel: <c>dma_filter_fn</c>.</remarks>
public delegate bool DmaFilterFn(DmaChan chan, object? filterParam);
