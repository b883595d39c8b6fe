using DmaActors.Mapping.Cma;

namespace DmaActors.Mapping;

/// <summary><c>dma_alloc_pages()</c>: cacheable pages the device can reach, owned like a streaming mapping (syncs needed on a non-coherent device).</summary>
public sealed partial class Device
{
    /// <summary>Live <see cref="AllocPages"/> allocations by bus address.</summary>
    private readonly Dictionary<ulong, CoherentAllocation> _pageAllocations = [];

    /// <summary>
    /// Allocates zeroed, cacheable pages for DMA in <paramref name="direction"/>: without an IOMMU
    /// from CMA or the page allocator as <see cref="AllocCoherent"/> does (CMA-6, CMA-7), behind one
    /// mapped into the device's domain. The device owns them; the CPU syncs before touching them.
    /// </summary>
    /// <param name="size">Bytes.</param>
    /// <param name="handle">The bus address, or <see cref="DmaAddress.MappingError"/>.</param>
    /// <param name="direction">The direction the pages are used in.</param>
    /// <returns>The first page, or null when no memory fits.</returns>
    /// <remarks>Kernel: <c>dma_alloc_pages()</c>.</remarks>
    public PhysAddress? AllocPages(long size, out DmaAddress handle, DmaDataDirection direction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        EnsureValid(direction, "dma_alloc_pages()");
        handle = DmaAddress.MappingError;
        int order = Platform.Order(size);
        (ulong Pa, ulong Pages, CmaArea? Cma)? got = _domain is null
            ? AllocDirectPages(size, CoherentMask)
            : Platform.AllocPages(order) is { } pages ? (pages.Value, 1UL << order, null) : null;
        if (got is not { } page) return null;
        lock (Platform.Sync)
        {
            ulong dma = page.Pa;
            int iovaPages = 0;
            if (_domain is not null)
            {
                var iova = _domain.Map([.. Enumerable.Range(0, (int)page.Pages).Select(i => (page.Pa / Platform.PageSize) + (ulong)i)], direction, CoherentMask);
                if (iova is null)
                {
                    FreeDirectPages(page.Pa, page.Pages, null);
                    return null;
                }
                dma = iova.Value;
                iovaPages = (int)page.Pages;
            }
            Platform.Cache.Invalidate(page.Pa, (long)page.Pages * Platform.PageSize);
            Platform.Memory.Fill(page.Pa, 0, (long)page.Pages * Platform.PageSize);
            _pageAllocations[dma] = new CoherentAllocation(Platform.PhysToVirt(new PhysAddress(page.Pa)), page.Pa, page.Pages, page.Cma, iovaPages);
            Register(new StreamingMapping(dma, page.Pa, size, false, 0));
            handle = new DmaAddress(dma);
            // dma_mapping_error() is not part of this API's contract, so D-8 does not apply.
            Platform.Debug.Add(new DmaDebugEntry
            {
                Device = this, Address = handle, Size = size, Type = DmaDebugEntryType.SingleOrPage,
                Direction = direction, Physical = [(page.Pa, size)], MapErrorChecked = true,
            });
            return new PhysAddress(page.Pa);
        }
    }

    /// <summary>Frees an <see cref="AllocPages"/> allocation; size, handle and direction as allocated (D-2, D-3, D-7).</summary>
    /// <param name="size">Bytes, as allocated.</param>
    /// <param name="page">The page returned.</param>
    /// <param name="handle">The bus address returned.</param>
    /// <param name="direction">As allocated.</param>
    /// <remarks>Kernel: <c>dma_free_pages()</c>.</remarks>
    public void FreePages(long size, PhysAddress page, DmaAddress handle, DmaDataDirection direction)
    {
        EnsureValid(direction, "dma_free_pages()");
        lock (Platform.Sync)
        {
            Platform.Debug.CheckUnmap(this, handle, size, DmaDebugEntryType.SingleOrPage, direction);
            if (!_pageAllocations.TryGetValue(handle.Value, out var allocation) || allocation.Pa != page.Value) return;
            _pageAllocations.Remove(handle.Value);
            if (_mappings.TryGetValue(handle.Value, out var list))
            {
                list.RemoveAll(m => m.Pa == allocation.Pa);
                if (list.Count == 0) _mappings.Remove(handle.Value);
            }
            if (allocation.IovaPages > 0) _domain!.Unmap(handle.Value, allocation.IovaPages);
            FreeDirectPages(allocation.Pa, allocation.Pages, allocation.Cma);
        }
    }
}
