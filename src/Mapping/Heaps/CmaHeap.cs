using DmaActors.Mapping.Cma;

namespace DmaActors.Mapping.Heaps;

/// <summary>A CMA heap, named after its area: one physically contiguous run from <c>cma_alloc()</c>, aligned as dma_alloc_contiguous aligns (DB-12, CMA-6).</summary>
/// <remarks>Kernel: <c>drivers/dma-buf/heaps/cma_heap.c</c>.</remarks>
public sealed class CmaHeap : DmaHeap
{
    /// <summary>A heap over <paramref name="area"/> (the default area when null).</summary>
    /// <param name="platform">The machine.</param>
    /// <param name="area">The CMA area.</param>
    /// <exception cref="DmaMappingException">ENODEV when there is no area.</exception>
    public CmaHeap(Platform platform, CmaArea? area = null)
        : base(platform, (area ?? platform?.DefaultCmaArea)?.Name ?? throw new DmaMappingException("ENODEV", "DB-12", "cma heap: no CMA area (boot with cma= or a linux,cma-default pool)."))
    {
        Area = (area ?? platform!.DefaultCmaArea)!;
    }

    /// <summary>The CMA area it allocates from.</summary>
    public CmaArea Area { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<(PhysAddress Start, long Length)>? AllocateRuns(long size)
    {
        ulong pages = (ulong)size / Platform.PageSize;
        int align = Math.Min(Platform.Order(size), Platform.Options.CmaAlignment);
        return Area.Alloc(pages, align) is { } start ? [(start, size)] : null;
    }

    /// <inheritdoc/>
    protected override void FreeRuns(IReadOnlyList<(PhysAddress Start, long Length)> runs)
    {
        foreach (var (start, length) in runs) Area.Release(start, (ulong)length / Platform.PageSize);
    }
}
