using DmaActors.Mapping.Cma;

namespace DmaActors.Mapping;

/// <summary>Where dma-direct gets pages: the device's CMA area, the default one for anything over a page, else the page allocator (CMA-6, CMA-7).</summary>
public sealed partial class Device
{
    /// <summary>The device's own CMA area (from its <c>memory-region</c>), or null to use the default one.</summary>
    /// <remarks>Kernel: <c>dev-&gt;cma_area</c> (<c>dev_get_cma_area()</c>).</remarks>
    public CmaArea? CmaArea { get; set; }

    /// <summary>
    /// Pages for a dma-direct allocation below <paramref name="limit"/>: from CMA first (the device's
    /// area, or the default one when more than one page is asked for), aligned to
    /// min(get_order(size), CONFIG_CMA_ALIGNMENT) (CMA-6); if CMA has nothing or the pages are out of
    /// reach, from the page allocator, which refuses orders above MAX_PAGE_ORDER (CMA-7).
    /// </summary>
    /// <remarks>Kernel: <c>__dma_direct_alloc_pages()</c> over <c>dma_alloc_contiguous()</c> and <c>cma_alloc_aligned()</c>.</remarks>
    private (ulong Pa, ulong Pages, CmaArea? Cma)? AllocDirectPages(long size, ulong limit)
    {
        ulong count = ((ulong)size + Platform.PageSize - 1) / Platform.PageSize;
        var area = CmaArea ?? (count > 1 ? Platform.DefaultCmaArea : null);
        if (area is not null)
        {
            int align = Math.Min(Platform.Order(size), Platform.Options.CmaAlignment);
            if (area.Alloc(count, align) is { } page)
            {
                if (page.Value + (ulong)size - 1 <= limit) return (page.Value, count, area);
                area.Release(page, count); // dma_coherent_ok() failed: out of the device's reach
            }
        }
        int order = Platform.Order(size);
        var pages = Platform.AllocPages(order, limit);
        return pages is null ? null : (pages.Value.Value, 1UL << order, null);
    }

    /// <summary>Gives pages from <see cref="AllocDirectPages"/> back where they came from (CMA-11).</summary>
    /// <remarks>Kernel: <c>dma_free_contiguous()</c>.</remarks>
    private void FreeDirectPages(ulong pa, ulong pages, CmaArea? cma)
    {
        if (cma is not null && cma.Release(new PhysAddress(pa), pages)) return;
        Platform.FreePagesAt(new PhysAddress(pa), System.Numerics.BitOperations.Log2(pages));
    }
}
