namespace DmaActors.Mapping;

/// <summary>How a scatterlist was mapped: per entry bus address, the IOVA range to free, the returned count.</summary>
/// <param name="Nents">nents passed to <c>dma_map_sg</c>.</param>
/// <param name="Count">Segments returned.</param>
/// <param name="EntryDma">Bus address of each of the first <paramref name="Nents"/> entries.</param>
/// <param name="Iova">First IOVA of the whole list, or null without an IOMMU.</param>
/// <param name="IovaPages">IOVA pages to unmap.</param>
/// <remarks>Kernel: kept in the scatterlist itself (<c>sg_dma_address</c>) and recomputed at unmap.</remarks>
internal sealed record SgMapState(int Nents, int Count, ulong[] EntryDma, ulong? Iova, int IovaPages);
