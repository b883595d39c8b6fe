using DmaActors.Actors.Memory;

namespace DmaActors.Mapping;

/// <summary>
/// The machine under the DMA-mapping layer: physical RAM, the CPU's page allocators with the
/// kernel's address layout (a linear map where VA = PA + offset, and a vmalloc area of virtually
/// contiguous, physically scattered pages), the CPU cache, the swiotlb pool and dma-debug.
/// </summary>
/// <remarks>
/// Kernel twin: the buddy allocator, <c>kmalloc()</c>, <c>vmalloc()</c>, <c>__va()</c>/<c>__pa()</c>.
/// Thread safety: one lock (<see cref="Sync"/>) guards allocators, cache, IOMMU tables, swiotlb and
/// debug state, because DMA masters reach memory from actor threads while the driver maps and syncs.
/// No callback runs under it except strict-mode exceptions, which unwind it.
/// </remarks>
public sealed partial class Platform
{
    /// <summary>Bytes per page.</summary>
    public const int PageSize = PhysicalMemory.PageSize;

    /// <summary>Where the linear map starts (x86-64's direct map): VA = PA + this.</summary>
    /// <remarks>Kernel: <c>PAGE_OFFSET</c>.</remarks>
    public const ulong LinearMapBase = 0xFFFF_8880_0000_0000;

    /// <summary>Where the vmalloc area starts.</summary>
    /// <remarks>Kernel: <c>VMALLOC_START</c>.</remarks>
    public const ulong VmallocBase = 0xFFFF_C900_0000_0000;

    private readonly PageFrameAllocator _frames;
    private readonly CpuCache _cache;

    /// <summary>vmalloc page table: virtual page number to page frame number.</summary>
    private readonly Dictionary<ulong, ulong> _vmallocPages = [];

    /// <summary>Live vmalloc areas: start VA to page count.</summary>
    private readonly Dictionary<ulong, int> _vmallocAreas = [];

    /// <summary>Live kmalloc/page allocations: linear VA to (pfn, pages), for kfree.</summary>
    private readonly Dictionary<ulong, (ulong Pfn, ulong Pages)> _linearAllocations = [];

    /// <summary>Live vmap areas: start VA to page count (pages owned elsewhere).</summary>
    private readonly Dictionary<ulong, int> _vmapAreas = [];

    private ulong _nextVmalloc = VmallocBase;

    /// <summary>Creates the platform over <paramref name="memory"/>.</summary>
    /// <param name="memory">RAM; every region page aligned.</param>
    /// <param name="options">Shape; defaults when null.</param>
    public Platform(PhysicalMemory memory, PlatformOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(memory);
        Memory = memory;
        Options = options ?? new PlatformOptions();
        // Page 0 stays reserved, as on real machines, so no buffer sits at physical address 0.
        var ram = memory.Regions.Select(r => (Start: Math.Max(r.Base, PageSize) / PageSize, End: (r.Last + 1) / PageSize))
            .Where(r => r.End > r.Start).Select(r => (r.Start, r.End - r.Start));
        _frames = new PageFrameAllocator(ram, (1UL << Options.ZoneDmaBits) / PageSize);
        _cache = new CpuCache(memory, Options.CacheLineSize);
        RamTop = memory.Regions.Max(r => r.Last);
        Debug = new DmaDebug(this, Options.DmaDebug);
        ReserveCmdlineCma();
        Swiotlb = new Swiotlb(this, Options.SwiotlbBytes);
    }

    /// <summary>A platform with <paramref name="megabytes"/> MiB of RAM from physical 0.</summary>
    /// <param name="megabytes">RAM size.</param>
    /// <param name="options">Shape.</param>
    public static Platform Create(int megabytes = 256, PlatformOptions? options = null) =>
        new(new PhysicalMemory(36, [new RamRegion(0, (ulong)megabytes << 20)]), options);

    /// <summary>Physical RAM.</summary>
    public PhysicalMemory Memory { get; }

    /// <summary>The shape it was built with.</summary>
    public PlatformOptions Options { get; }

    /// <summary>The highest RAM address.</summary>
    public ulong RamTop { get; }

    /// <summary>The bounce-buffer pool.</summary>
    public Swiotlb Swiotlb { get; }

    /// <summary>CONFIG_DMA_API_DEBUG state and reports.</summary>
    public DmaDebug Debug { get; }

    /// <summary>Free physical pages.</summary>
    public ulong FreePages { get { lock (Sync) return _frames.FreePages; } }

    /// <summary>Dirty CPU cache lines (data the devices cannot see yet).</summary>
    public int DirtyCacheLines { get { lock (Sync) return _cache.DirtyLines; } }

    /// <summary>The lock over allocators, cache, IOMMU tables, swiotlb and debug.</summary>
    internal object Sync { get; } = new();

    internal CpuCache Cache => _cache;

    /// <summary>Contiguous pages from the very bottom of RAM (memblock_alloc_low, for the swiotlb pool); caller holds no lock.</summary>
    internal ulong? AllocateLowPages(ulong count)
    {
        lock (Sync) return _frames.Allocate(count, 1, RamTop / PageSize, lowest: true);
    }

    /// <summary>Allocates 2^<paramref name="order"/> contiguous, naturally aligned pages, ZONE_NORMAL first; null when out of memory or above <see cref="MaxPageOrder"/> (CMA-12).</summary>
    /// <param name="order">log2 of the page count.</param>
    /// <param name="maxAddress">Highest acceptable physical address (GFP_DMA/GFP_DMA32 style).</param>
    /// <remarks>Kernel: <c>alloc_pages()</c>.</remarks>
    public PhysAddress? AllocPages(int order, ulong maxAddress = ulong.MaxValue)
    {
        if (order > MaxPageOrder) return null;
        ulong pages = 1UL << order;
        lock (Sync)
        {
            var pfn = _frames.Allocate(pages, pages, Math.Min(maxAddress, RamTop) / PageSize);
            return pfn is null ? null : new PhysAddress(pfn.Value * PageSize);
        }
    }

    /// <summary>Returns pages from <see cref="AllocPages"/>.</summary>
    /// <param name="page">The first page.</param>
    /// <param name="order">The order allocated.</param>
    /// <remarks>Kernel: <c>__free_pages()</c>.</remarks>
    public void FreePagesAt(PhysAddress page, int order)
    {
        lock (Sync) _frames.Release(page.Value / PageSize, 1UL << order);
    }

    /// <summary>The linear-map address of a physical address.</summary>
    /// <param name="address">Physical address.</param>
    /// <remarks>Kernel: <c>page_address()</c> / <c>__va()</c>.</remarks>
    public static CpuAddress PhysToVirt(PhysAddress address) => new(address.Value + LinearMapBase);

    /// <summary>The physical address of a linear-map address; throws for vmalloc addresses, which have none.</summary>
    /// <param name="address">A linear-map address (kmalloc, page allocations).</param>
    /// <remarks>Kernel: <c>virt_to_phys()</c> / <c>__pa()</c>.</remarks>
    public static PhysAddress VirtToPhys(CpuAddress address)
    {
        if (!IsLinear(address))
            throw new DmaMappingException("EFAULT", "M-8", $"{address} is not in the linear map: virt_to_phys() is only valid for kmalloc/page memory; use VmallocToPage() for vmalloc memory.");
        return new PhysAddress(address.Value - LinearMapBase);
    }

    /// <summary>Whether <paramref name="address"/> is in the linear map.</summary>
    /// <param name="address">A CPU address.</param>
    /// <remarks>Kernel: <c>virt_addr_valid()</c>.</remarks>
    public static bool IsLinear(CpuAddress address) => address.Value >= LinearMapBase && address.Value < VmallocBase;

    /// <summary>Whether <paramref name="address"/> is in the vmalloc area.</summary>
    /// <param name="address">A CPU address.</param>
    /// <remarks>Kernel: <c>is_vmalloc_addr()</c>.</remarks>
    public static bool IsVmalloc(CpuAddress address) => address.Value >= VmallocBase;

    /// <summary>Allocates physically contiguous memory in the linear map; null when out of memory.</summary>
    /// <param name="size">Bytes (rounded up to whole pages: this model has no slab packing).</param>
    /// <param name="maxAddress">Highest physical address acceptable (GFP_DMA style), default any.</param>
    /// <remarks>Kernel: <c>kmalloc()</c>. Deviation: every object gets its own pages, so objects never share a cache line.</remarks>
    public CpuAddress? Kmalloc(long size, ulong maxAddress = ulong.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        int order = Order(size);
        var page = AllocPages(order, maxAddress);
        if (page is null) return null;
        var va = PhysToVirt(page.Value);
        lock (Sync) _linearAllocations[va.Value] = (page.Value.Value / PageSize, 1UL << order);
        return va;
    }

    /// <summary>Frees a <see cref="Kmalloc"/> allocation.</summary>
    /// <param name="address">The address kmalloc returned.</param>
    /// <remarks>Kernel: <c>kfree()</c>.</remarks>
    public void Kfree(CpuAddress address)
    {
        lock (Sync)
        {
            if (!_linearAllocations.Remove(address.Value, out var run))
                throw new DmaMappingException("EINVAL", "M-8", $"kfree({address}): not a live kmalloc allocation.");
            _frames.Release(run.Pfn, run.Pages);
        }
    }

    /// <summary>Allocates virtually contiguous memory from scattered pages; null when out of memory.</summary>
    /// <param name="size">Bytes.</param>
    /// <remarks>Kernel: <c>vmalloc()</c>. Pages come from the top of RAM downwards, one at a time, so
    /// neighbouring virtual pages are never physically adjacent in ascending order.</remarks>
    public CpuAddress? Vmalloc(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        int pages = (int)((size + PageSize - 1) / PageSize);
        lock (Sync)
        {
            var frames = new List<ulong>();
            for (int i = 0; i < pages; i++)
            {
                var pfn = _frames.Allocate(1, 1, RamTop / PageSize, fromTop: true);
                if (pfn is null)
                {
                    frames.ForEach(f => _frames.Release(f, 1));
                    return null;
                }
                frames.Add(pfn.Value);
            }
            ulong va = MapVirtual(frames);
            _vmallocAreas[va] = pages;
            return new CpuAddress(va);
        }
    }

    /// <summary>Maps existing pages at consecutive virtual addresses in the vmalloc area (the pages stay the caller's).</summary>
    /// <param name="pages">Page-aligned physical addresses, in virtual order.</param>
    /// <remarks>Kernel: <c>vmap()</c>.</remarks>
    public CpuAddress Vmap(IReadOnlyList<PhysAddress> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentOutOfRangeException.ThrowIfZero(pages.Count);
        lock (Sync)
        {
            ulong va = MapVirtual([.. pages.Select(p => p.Value / PageSize)]);
            _vmapAreas[va] = pages.Count;
            return new CpuAddress(va);
        }
    }

    /// <summary>Removes a <see cref="Vmap"/> mapping (the pages are not freed).</summary>
    /// <param name="address">As returned.</param>
    /// <remarks>Kernel: <c>vunmap()</c>.</remarks>
    public void Vunmap(CpuAddress address)
    {
        lock (Sync)
        {
            if (!_vmapAreas.Remove(address.Value, out int pages))
                throw new DmaMappingException("EINVAL", "M-8", $"vunmap({address}): not a live vmap area.");
            for (int i = 0; i < pages; i++) _vmallocPages.Remove((address.Value / PageSize) + (ulong)i);
        }
    }

    /// <summary>Enters the frames in the vmalloc page table at a fresh address, with a guard page after (lock held).</summary>
    private ulong MapVirtual(List<ulong> frames)
    {
        ulong va = _nextVmalloc;
        _nextVmalloc += (ulong)(frames.Count + 1) * PageSize; // a guard page, as vmalloc leaves
        for (int i = 0; i < frames.Count; i++) _vmallocPages[(va / PageSize) + (ulong)i] = frames[i];
        return va;
    }

    /// <summary>Frees a <see cref="Vmalloc"/> area.</summary>
    /// <param name="address">The address vmalloc returned.</param>
    /// <remarks>Kernel: <c>vfree()</c>.</remarks>
    public void Vfree(CpuAddress address)
    {
        lock (Sync)
        {
            if (!_vmallocAreas.Remove(address.Value, out int pages))
                throw new DmaMappingException("EINVAL", "M-8", $"vfree({address}): not a live vmalloc area.");
            for (int i = 0; i < pages; i++)
            {
                ulong vpn = (address.Value / PageSize) + (ulong)i;
                _frames.Release(_vmallocPages[vpn], 1);
                _vmallocPages.Remove(vpn);
            }
        }
    }

    /// <summary>The physical page behind a vmalloc address (page aligned).</summary>
    /// <param name="address">A vmalloc address.</param>
    /// <remarks>Kernel: <c>vmalloc_to_page()</c>.</remarks>
    public PhysAddress VmallocToPage(CpuAddress address)
    {
        lock (Sync)
        {
            if (!_vmallocPages.TryGetValue(address.Value / PageSize, out ulong pfn))
                throw new DmaMappingException("EFAULT", "M-8", $"{address} is not a mapped vmalloc address.");
            return new PhysAddress(pfn * PageSize);
        }
    }

    /// <summary>The order (log2 pages) holding <paramref name="size"/> bytes.</summary>
    /// <param name="size">Bytes.</param>
    /// <remarks>Kernel: <c>get_order()</c>.</remarks>
    public static int Order(long size)
    {
        int order = 0;
        while ((long)PageSize << order < size) order++;
        return order;
    }
}
