namespace DmaActors.Mapping;

/// <summary>
/// The buddy allocator's observable behaviour, simply: free physical page extents, allocation of
/// naturally aligned contiguous runs below a limit, zones preferred from the top of ZONE_DMA up.
/// </summary>
/// <remarks>
/// Kernel: <c>alloc_pages()</c>. Deviation: first fit over extents instead of buddy lists; the
/// zone fallback order (ZONE_NORMAL first, ZONE_DMA last) is kept, because it decides which
/// buffers a small-mask device cannot reach. Callers hold the platform lock.
/// </remarks>
internal sealed class PageFrameAllocator
{
    /// <summary>Free runs as (first page frame, page count), sorted, never adjacent.</summary>
    private readonly List<(ulong Start, ulong Count)> _free = [];

    /// <summary>First page frame above ZONE_DMA: ordinary allocations try from here first.</summary>
    private readonly ulong _zoneDmaEndPfn;

    public PageFrameAllocator(IEnumerable<(ulong Start, ulong Count)> ram, ulong zoneDmaEndPfn)
    {
        foreach (var run in ram.OrderBy(r => r.Start)) Release(run.Start, run.Count);
        _zoneDmaEndPfn = zoneDmaEndPfn;
    }

    /// <summary>Pages currently free.</summary>
    public ulong FreePages => _free.Aggregate(0UL, (sum, run) => sum + run.Count);

    /// <summary>Allocates <paramref name="count"/> contiguous pages aligned to <paramref name="alignPages"/>, all at or below <paramref name="maxPfn"/>; null when none fit.</summary>
    public ulong? Allocate(ulong count, ulong alignPages, ulong maxPfn, bool fromTop = false, bool lowest = false)
    {
        if (lowest) return Find(count, alignPages, 0, maxPfn, fromTop);
        // ZONE_NORMAL first, ZONE_DMA only when nothing else fits (or the limit demands it).
        return Find(count, alignPages, _zoneDmaEndPfn, maxPfn, fromTop) ?? Find(count, alignPages, 0, maxPfn, fromTop);
    }

    /// <summary>Top-down: <paramref name="count"/> pages aligned to <paramref name="alignPages"/> within [minPfn, maxPfn] (memblock's allocation for reserved areas).</summary>
    public ulong? AllocateBetween(ulong count, ulong alignPages, ulong minPfn, ulong maxPfn) => Find(count, alignPages, minPfn, maxPfn, fromTop: true);

    /// <summary>Takes exactly [<paramref name="start"/>, +<paramref name="count"/>) if free (for reserved pools).</summary>
    public bool Reserve(ulong start, ulong count) => Take(start, count);

    /// <summary>Returns a run to the free list, merging neighbours.</summary>
    public void Release(ulong start, ulong count)
    {
        int i = 0;
        while (i < _free.Count && _free[i].Start < start) i++;
        _free.Insert(i, (start, count));
        if (i + 1 < _free.Count && _free[i].Start + _free[i].Count == _free[i + 1].Start)
        {
            _free[i] = (_free[i].Start, _free[i].Count + _free[i + 1].Count);
            _free.RemoveAt(i + 1);
        }
        if (i > 0 && _free[i - 1].Start + _free[i - 1].Count == _free[i].Start)
        {
            _free[i - 1] = (_free[i - 1].Start, _free[i - 1].Count + _free[i].Count);
            _free.RemoveAt(i);
        }
    }

    private ulong? Find(ulong count, ulong align, ulong minPfn, ulong maxPfn, bool fromTop)
    {
        var runs = fromTop ? Enumerable.Reverse(_free).ToList() : _free.ToList();
        foreach (var (start, runCount) in runs)
        {
            ulong lo = Math.Max(start, minPfn);
            ulong hi = Math.Min(start + runCount, maxPfn + 1);
            if (hi <= lo || hi - lo < count) continue;
            ulong candidate = fromTop ? (hi - count) / align * align : (lo + align - 1) / align * align;
            if (candidate < lo || candidate + count > hi) continue;
            Take(candidate, count);
            return candidate;
        }
        return null;
    }

    private bool Take(ulong start, ulong count)
    {
        for (int i = 0; i < _free.Count; i++)
        {
            var (s, c) = _free[i];
            if (start < s || start + count > s + c) continue;
            _free.RemoveAt(i);
            if (start + count < s + c) _free.Insert(i, (start + count, s + c - start - count));
            if (start > s) _free.Insert(i, (s, start - s));
            return true;
        }
        return false;
    }
}
