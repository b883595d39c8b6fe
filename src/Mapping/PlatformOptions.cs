namespace DmaActors.Mapping;

/// <summary>The machine's shape as the DMA-mapping layer sees it.</summary>
public sealed record PlatformOptions
{
    /// <summary>Bits of ZONE_DMA: the smallest mask <c>dma_set_mask()</c> accepts (24 on x86, the ISA limit).</summary>
    /// <remarks>Kernel: <c>zone_dma_bits</c>.</remarks>
    public int ZoneDmaBits { get; init; } = 24;

    /// <summary>Bytes of the swiotlb pool (kernel default 64 MiB, S-1); allocated lowest in RAM.</summary>
    /// <remarks>Kernel: <c>swiotlb=</c> boot parameter.</remarks>
    public long SwiotlbBytes { get; init; } = 4L << 20;

    /// <summary>CPU cache line in bytes.</summary>
    /// <remarks>Kernel: <c>dma_get_cache_alignment()</c>.</remarks>
    public int CacheLineSize { get; init; } = 64;

    /// <summary>Most entries dma-debug tracks; one more turns it off with "debugging out of memory - disabling" (D-19).</summary>
    /// <remarks>Kernel: boot parameter <c>dma_debug_entries=</c> (default 65536; the kernel also grows the pool, which this model does not).</remarks>
    public int DmaDebugEntries { get; init; } = 65536;

    /// <summary>The <c>cma=</c> boot parameter: the default CMA area (none when null or of size 0).</summary>
    /// <remarks>Kernel: <c>cma=</c>, read by <c>early_cma()</c>; see <see cref="Cma.CmaParameter.Parse"/>.</remarks>
    public Cma.CmaParameter? Cma { get; init; }

    /// <summary>Most pages' order a CMA allocation is aligned to (CMA-6).</summary>
    /// <remarks>Kernel: <c>CONFIG_CMA_ALIGNMENT</c> (default 8).</remarks>
    public int CmaAlignment { get; init; } = 8;

    /// <summary>Whether dma-debug starts enabled (CONFIG_DMA_API_DEBUG=y without <c>dma_debug=off</c>).</summary>
    public bool DmaDebug { get; init; } = true;
}
