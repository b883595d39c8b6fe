namespace DmaActors.Mapping;

/// <summary>How one streaming mapping was made, so unmap and sync undo exactly that.</summary>
/// <param name="Dma">The bus address handed out.</param>
/// <param name="Pa">The original buffer's physical address.</param>
/// <param name="Size">Bytes mapped.</param>
/// <param name="Bounced">Whether it goes through a swiotlb slot (then <paramref name="Dma"/> is the slot).</param>
/// <param name="IovaPages">IOVA pages to unmap with it (0: none, or owned by an sg mapping).</param>
/// <remarks>Kernel: no twin; the kernel recomputes this from the address each time.</remarks>
internal sealed record StreamingMapping(ulong Dma, ulong Pa, long Size, bool Bounced, int IovaPages);
