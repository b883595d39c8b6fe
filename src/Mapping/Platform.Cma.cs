using DmaActors.Mapping.Cma;

namespace DmaActors.Mapping;

/// <summary>The contiguous memory allocator's side of the machine: areas reserved at boot and the movable pages they lend (CMA-2, CMA-10).</summary>
public sealed partial class Platform
{
    /// <summary>The largest order the page allocator hands out (4 MiB with 4 KiB pages); larger requests fail (CMA-12).</summary>
    /// <remarks>Kernel: <c>MAX_PAGE_ORDER</c> (formerly <c>MAX_ORDER - 1</c>), default 10.</remarks>
    public const int MaxPageOrder = 10;

    /// <summary>log2 of the pages in a pageblock, the unit migrate types are kept in.</summary>
    /// <remarks>Kernel: <c>pageblock_order</c> (x86-64 and arm64 with 4 KiB pages: 9).</remarks>
    public const int PageblockOrder = 9;

    /// <summary>What every CMA area's base and size are aligned to: one pageblock (2 MiB).</summary>
    /// <remarks>Kernel: <c>CMA_MIN_ALIGNMENT_BYTES</c>.</remarks>
    public const ulong CmaMinAlignmentBytes = (ulong)PageSize << PageblockOrder;

    private readonly List<CmaArea> _cmaAreas = [];

    /// <summary>The default CMA area (from <c>cma=</c> or a <c>linux,cma-default</c> pool), or null.</summary>
    /// <remarks>Kernel: <c>dma_contiguous_default_area</c>.</remarks>
    public CmaArea? DefaultCmaArea { get; private set; }

    /// <summary>Every CMA area, in declaration order.</summary>
    /// <remarks>Kernel: <c>cma_areas[]</c>.</remarks>
    public IReadOnlyList<CmaArea> CmaAreas { get { lock (Sync) return [.. _cmaAreas]; } }

    /// <summary>
    /// Reserves a CMA area of <paramref name="size"/> bytes at or above <paramref name="base"/>, ending at or below
    /// <paramref name="limit"/> (0: end of RAM), placed top-down unless <paramref name="fixed"/>; base, size and
    /// alignment are raised to <see cref="CmaMinAlignmentBytes"/> (CMA-2). A base of 0 is never fixed (CMA-3).
    /// </summary>
    /// <param name="size">Bytes.</param>
    /// <param name="base">Lowest address, or the exact address when fixed.</param>
    /// <param name="limit">Highest end address; 0 for the end of RAM.</param>
    /// <param name="alignment">Extra alignment in bytes (0: the minimum).</param>
    /// <param name="fixed">Whether the area must sit exactly at <paramref name="base"/>.</param>
    /// <param name="name">The area's name.</param>
    /// <param name="makeDefault">Whether it becomes <see cref="DefaultCmaArea"/>.</param>
    /// <exception cref="DmaMappingException">EINVAL, EBUSY or ENOMEM (CMA-2) with the kernel's reason; the kernel logs it and boots without the area.</exception>
    /// <remarks>Kernel: <c>cma_declare_contiguous_nid()</c> (and <c>dma_contiguous_reserve_area()</c> when default).</remarks>
    public CmaArea DeclareContiguous(ulong size, ulong @base, ulong limit, ulong alignment, bool @fixed, string name, bool makeDefault = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (size == 0) throw new DmaMappingException("EINVAL", "CMA-2", $"cma: {name}: a CMA area needs a size.");
        alignment = Math.Max(alignment, CmaMinAlignmentBytes);
        if (!System.Numerics.BitOperations.IsPow2(alignment))
            throw new DmaMappingException("EINVAL", "CMA-2", $"cma: {name}: alignment 0x{alignment:x} is not a power of two.");
        if (@fixed && (@base & (alignment - 1)) != 0)
            throw new DmaMappingException("EINVAL", "CMA-2", $"cma: Region at 0x{@base:x} must be aligned to 0x{alignment:x} bytes");
        @base = AlignUp(@base, alignment);
        size = AlignUp(size, alignment);
        limit &= ~(alignment - 1);
        if (@base == 0) @fixed = false;
        ulong ramEnd = RamTop + 1;
        if (limit == 0 || limit > ramEnd) limit = ramEnd;
        if (@base + size > limit)
            throw new DmaMappingException("EINVAL", "CMA-2", $"cma: Size (0x{size:x}) of region at 0x{@base:x} exceeds limit (0x{limit:x})");
        lock (Sync)
        {
            ulong pages = size / PageSize;
            ulong? pfn;
            if (@fixed)
            {
                pfn = _frames.Reserve(@base / PageSize, pages) ? @base / PageSize : null;
                if (pfn is null)
                    throw new DmaMappingException("EBUSY", "CMA-2", $"cma: Failed to reserve {size >> 20} MiB at 0x{@base:x}: the region is not free RAM (memblock_is_region_reserved).");
            }
            else
            {
                pfn = _frames.AllocateBetween(pages, alignment / PageSize, @base / PageSize, (limit / PageSize) - 1);
                if (pfn is null)
                    throw new DmaMappingException("ENOMEM", "CMA-2", $"cma: Failed to reserve {size >> 20} MiB: no free range of that size in [0x{@base:x}, 0x{limit:x}).");
            }
            var area = new CmaArea(this, name, pfn.Value, pages);
            _cmaAreas.Add(area);
            if (makeDefault) DefaultCmaArea = area;
            return area;
        }
    }

    /// <summary>
    /// A movable page: from a CMA area when more than half of the free memory is CMA memory, or
    /// when ordinary memory is exhausted; else from ordinary memory (CMA-10). Null when out of memory.
    /// </summary>
    /// <remarks>Kernel: <c>alloc_page(GFP_HIGHUSER_MOVABLE)</c>; the balance is <c>__rmqueue()</c>'s
    /// <c>NR_FREE_CMA_PAGES &gt; NR_FREE_PAGES / 2</c> test.</remarks>
    public MovablePage? AllocMovablePage()
    {
        lock (Sync)
        {
            var page = new MovablePage(this);
            ulong cmaFree = _cmaAreas.Aggregate(0UL, (sum, a) => sum + a.FreeUnlentPages);
            bool cmaFirst = cmaFree > (_frames.FreePages + cmaFree) / 2;
            if (!cmaFirst && AllocFrameLocked() is ulong frame)
            {
                page.Pfn = frame;
                return page;
            }
            foreach (var area in _cmaAreas)
            {
                if (area.LendPage(page) is ulong pfn)
                {
                    page.Pfn = pfn;
                    page.LentBy = area;
                    return page;
                }
            }
            if (AllocFrameLocked() is ulong last)
            {
                page.Pfn = last;
                return page;
            }
            return null;
        }
    }

    /// <summary>One ordinary page frame, ZONE_NORMAL first (lock held).</summary>
    internal ulong? AllocFrameLocked() => _frames.Allocate(1, 1, RamTop / PageSize);

    /// <summary>Moves a page's bytes (cache written back first, old lines dropped) (lock held).</summary>
    internal void CopyPageLocked(ulong fromPfn, ulong toPfn)
    {
        ulong from = fromPfn * PageSize, to = toPfn * PageSize;
        _cache.Clean(from, PageSize);
        _cache.Invalidate(from, PageSize);
        _cache.Invalidate(to, PageSize);
        var bytes = new byte[PageSize];
        Memory.Read(from, bytes);
        Memory.Write(to, bytes);
    }

    /// <summary>The default area from <see cref="PlatformOptions.Cma"/>, reserved before anything else (CMA-2).</summary>
    private void ReserveCmdlineCma()
    {
        if (Options.Cma is not { Size: > 0 } cma) return;
        DeclareContiguous(cma.Size, cma.Base, cma.Limit, 0, cma.Fixed, "reserved", makeDefault: true);
    }

    private static ulong AlignUp(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);
}
