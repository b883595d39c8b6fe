namespace DmaActors.Mapping.Cma;

/// <summary><c>cma_alloc()</c> and <c>cma_release()</c>: the bitmap search, the busy-range retry and the counters (CMA-8, CMA-9, CMA-11).</summary>
public sealed partial class CmaArea
{
    private const int Enomem = -12, Ebusy = -16;

    /// <summary>
    /// Allocates <paramref name="count"/> physically contiguous pages aligned to
    /// 2^<paramref name="align"/> pages. The bitmap is searched first fit; the candidate range is
    /// then claimed from the page allocator (<c>alloc_contig_range</c>): pages lent to movable
    /// allocations are migrated out; a pinned one makes the range busy, and the search goes on
    /// past it (CMA-8). Null when no range can be had (CMA-9).
    /// </summary>
    /// <param name="count">Pages.</param>
    /// <param name="align">log2 of the alignment in pages.</param>
    /// <param name="noWarn">Do not log the failure (<c>__GFP_NOWARN</c>).</param>
    /// <returns>The first page, or null.</returns>
    /// <remarks>Kernel: <c>cma_alloc()</c>. The counters move by <paramref name="count"/> pages either way.</remarks>
    public PhysAddress? Alloc(ulong count, int align, bool noWarn = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(align);
        if (count == 0) return null;
        lock (_platform.Sync)
        {
            int ret = Enomem;
            ulong? found = null;
            if (count <= Count)
            {
                ulong mask = (1UL << align) - 1;
                ulong offset = BasePfn & mask; // cma_bitmap_aligned_offset() with order_per_bit 0
                ulong start = 0;
                while (FindZeroArea(start, count, mask, offset) is ulong bit)
                {
                    SetBits(bit, count, true);
                    ulong pfn = BasePfn + bit;
                    ret = AllocContigRange(pfn, count);
                    if (ret == 0)
                    {
                        found = pfn;
                        break;
                    }
                    SetBits(bit, count, false);
                    if (ret != Ebusy) break;
                    _log.Add($"cma_alloc(): memory range at pfn 0x{pfn:x} is busy, retrying");
                    start = bit + mask + 1; // try again with a bit different memory target
                }
            }
            if (found is null)
            {
                if (!noWarn) _log.Add($"cma_alloc: {Name}: alloc failed, req-size: {count} pages, ret: {ret}");
                AllocPagesFail += count;
                return null;
            }
            AllocPagesSuccess += count;
            _platform.Memory.Fill(found.Value * Platform.PageSize, 0, (long)(count * Platform.PageSize));
            return new PhysAddress(found.Value * Platform.PageSize);
        }
    }

    /// <summary>Gives back pages from <see cref="Alloc"/>; false (and nothing done) when they are not this area's (CMA-11).</summary>
    /// <param name="pages">The first page, as returned.</param>
    /// <param name="count">Pages, as allocated.</param>
    /// <remarks>Kernel: <c>cma_release()</c>.</remarks>
    public bool Release(PhysAddress pages, ulong count)
    {
        ulong pfn = pages.Value / Platform.PageSize;
        lock (_platform.Sync)
        {
            if (pfn < BasePfn || pfn >= BasePfn + Count) return false;
            if (!Contains(pfn, count))
                throw new DmaMappingException("EINVAL", "CMA-11", $"cma_release({Name}, {pages}, {count}): the range runs past the end of the area ({Base} +{Count} pages); the kernel hits VM_BUG_ON.");
            SetBits(pfn - BasePfn, count, false);
            return true;
        }
    }

    /// <summary>Claims [pfn, +count) from the page allocator: every lent page migrated out, or -EBUSY when one is pinned, -ENOMEM when no page can take one (lock held).</summary>
    private int AllocContigRange(ulong pfn, ulong count)
    {
        var lent = _lent.Where(p => p.Key >= pfn && p.Key < pfn + count).Select(p => p.Value).ToList();
        if (lent.Any(p => p.IsPinned)) return Ebusy;
        foreach (var page in lent)
        {
            if (!page.MigrateOut(pfn, count)) return Enomem;
        }
        return 0;
    }

    /// <summary>First bit index ≥ start of <paramref name="count"/> clear bits whose (index + offset) is a multiple of mask + 1.</summary>
    private ulong? FindZeroArea(ulong start, ulong count, ulong mask, ulong offset)
    {
        ulong index = AlignUp(start, mask, offset);
        while (index + count <= Count)
        {
            ulong busy = ulong.MaxValue;
            for (ulong i = 0; i < count; i++)
            {
                if (_bitmap[index + i]) busy = index + i;
            }
            if (busy == ulong.MaxValue) return index;
            index = AlignUp(busy + 1, mask, offset);
        }
        return null;
    }

    private static ulong AlignUp(ulong index, ulong mask, ulong offset) => ((index + offset + mask) & ~mask) - offset;

    private void SetBits(ulong first, ulong count, bool value)
    {
        for (ulong i = 0; i < count; i++) _bitmap[first + i] = value;
    }
}
