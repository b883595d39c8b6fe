using DmaActors.Mapping.Cma;

namespace DmaActors.Mapping;

/// <summary>Coherent (consistent) memory: both sides see each other's writes at once (M-5, M-6).</summary>
public sealed partial class Device
{
    /// <summary>Live coherent buffers by bus address.</summary>
    private readonly Dictionary<ulong, CoherentAllocation> _coherent = [];

    /// <summary>
    /// Allocates zeroed memory both the CPU and the device can use without syncs: page aligned to the
    /// smallest order holding <paramref name="size"/>, below <see cref="CoherentMask"/> (M-5). For a
    /// non-coherent device the pages are mapped uncached, so CPU stores reach RAM at once.
    /// </summary>
    /// <param name="size">Bytes.</param>
    /// <param name="handle">The bus address, or <see cref="DmaAddress.MappingError"/> on failure.</param>
    /// <returns>The CPU address, or null when no memory fits.</returns>
    /// <remarks>Kernel: <c>dma_alloc_coherent()</c>. Without an IOMMU the pages come from CMA when the device or the
    /// platform has an area (CMA-6), so a buffer larger than the page allocator's largest order can succeed (CMA-7).</remarks>
    public CpuAddress? AllocCoherent(long size, out DmaAddress handle)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        handle = DmaAddress.MappingError;
        (ulong Pa, ulong Pages, CmaArea? Cma)? got;
        if (_domain is null)
        {
            got = AllocDirectPages(size, CoherentMask);
        }
        else
        {
            int order = Platform.Order(size);
            got = Platform.AllocPages(order) is { } iommuPages ? (iommuPages.Value, 1UL << order, null) : null;
        }
        if (got is not { } page) return null;
        var cpu = Platform.PhysToVirt(new PhysAddress(page.Pa));
        lock (Platform.Sync)
        {
            ulong pa = page.Pa, dma = pa;
            int pages = (int)page.Pages;
            if (_domain is not null)
            {
                var iova = _domain.Map([.. Enumerable.Range(0, pages).Select(i => (pa / Platform.PageSize) + (ulong)i)], DmaDataDirection.Bidirectional, CoherentMask);
                if (iova is null)
                {
                    FreeDirectPages(pa, page.Pages, null);
                    return null;
                }
                dma = iova.Value;
            }
            Platform.Cache.Invalidate(pa, (long)pages * Platform.PageSize);
            for (int i = 0; i < pages; i++)
            {
                if (!IsCoherent) Platform.Cache.SetUncached((pa / Platform.PageSize) + (ulong)i, uncached: true);
            }
            Platform.Memory.Fill(pa, 0, (long)pages * Platform.PageSize);
            _coherent[dma] = new CoherentAllocation(cpu, pa, page.Pages, page.Cma, _domain is null ? 0 : pages);
            handle = new DmaAddress(dma);
            Platform.Debug.Add(new DmaDebugEntry
            {
                Device = this, Address = handle, Size = size, Type = DmaDebugEntryType.Coherent,
                Direction = DmaDataDirection.Bidirectional, Physical = [(pa, size)], Cpu = cpu,
            });
            return cpu;
        }
    }

    /// <summary>Frees a coherent buffer; size, CPU address and handle must equal the allocation (M-6, D-2…D-5).</summary>
    /// <param name="size">Bytes, as allocated.</param>
    /// <param name="cpu">The CPU address returned.</param>
    /// <param name="handle">The bus address returned.</param>
    /// <remarks>Kernel: <c>dma_free_coherent()</c>.</remarks>
    public void FreeCoherent(long size, CpuAddress cpu, DmaAddress handle)
    {
        lock (Platform.Sync)
        {
            Platform.Debug.CheckUnmap(this, handle, size, DmaDebugEntryType.Coherent, DmaDataDirection.Bidirectional, cpu: cpu);
            if (!_coherent.Remove(handle.Value, out var allocation)) return;
            for (ulong i = 0; i < allocation.Pages; i++) Platform.Cache.SetUncached((allocation.Pa / Platform.PageSize) + (ulong)i, uncached: false);
            if (allocation.IovaPages > 0) _domain!.Unmap(handle.Value, allocation.IovaPages);
            FreeDirectPages(allocation.Pa, allocation.Pages, allocation.Cma);
        }
    }
}
