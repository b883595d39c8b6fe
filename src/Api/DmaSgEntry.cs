namespace DmaActors.Api;

/// <summary>One DMA-mapped scatterlist entry (C-21).</summary>
/// <param name="DmaAddress">Kernel: <c>sg_dma_address(sg)</c>.</param>
/// <param name="DmaLength">Kernel: <c>sg_dma_len(sg)</c>.</param>
/// <remarks>Kernel: <c>struct scatterlist</c> after <c>dma_map_sg()</c>.</remarks>
public readonly record struct DmaSgEntry(ulong DmaAddress, int DmaLength);
