namespace DmaActors.Mapping.Cma;

/// <summary>
/// One contiguous memory area: a physically contiguous, pageblock-aligned range reserved at boot,
/// whose pages are handed out by <see cref="Alloc"/> from a bitmap, and lent in the meantime to
/// movable allocations (CMA-10) that are migrated out when the area needs its pages back.
/// </summary>
/// <remarks>
/// Kernel: <c>struct cma</c> (<c>mm/cma.c</c>, <c>mm/cma.h</c>) with <c>order_per_bit</c> 0, its
/// debugfs files (<c>count</c>, <c>used</c>, <c>maxchunk</c>, <c>bitmap</c>) and its sysfs counters
/// (<c>alloc_pages_success</c>, <c>alloc_pages_fail</c>). All state is guarded by the platform lock.
/// </remarks>
public sealed partial class CmaArea
{
    private readonly Platform _platform;

    /// <summary>One bit per page: taken by <see cref="Alloc"/>.</summary>
    private readonly bool[] _bitmap;

    /// <summary>Pages lent to movable allocations, by page frame number.</summary>
    private readonly Dictionary<ulong, MovablePage> _lent = [];

    private readonly List<string> _log = [];

    internal CmaArea(Platform platform, string name, ulong basePfn, ulong count)
    {
        _platform = platform;
        Name = name;
        BasePfn = basePfn;
        _bitmap = new bool[count];
    }

    /// <summary>The area's name (<c>reserved</c> for <c>cma=</c>, the node name for a device-tree pool).</summary>
    /// <remarks>Kernel: <c>cma_get_name()</c>.</remarks>
    public string Name { get; }

    /// <summary>The first page.</summary>
    /// <remarks>Kernel: <c>cma_get_base()</c>.</remarks>
    public PhysAddress Base => new(BasePfn * Platform.PageSize);

    /// <summary>Pages in the area.</summary>
    /// <remarks>Kernel: <c>cma-&gt;count</c> (debugfs <c>count</c>).</remarks>
    public ulong Count => (ulong)_bitmap.LongLength;

    /// <summary>Bytes in the area.</summary>
    /// <remarks>Kernel: <c>cma_get_size()</c>.</remarks>
    public ulong Size => Count * Platform.PageSize;

    /// <summary>Pages handed out by <see cref="Alloc"/> and not released.</summary>
    /// <remarks>Kernel: debugfs <c>used</c>.</remarks>
    public ulong UsedPages { get { lock (_platform.Sync) return (ulong)_bitmap.LongCount(b => b); } }

    /// <summary>The longest run of pages <see cref="Alloc"/> could still take (lent pages count as free: they can be migrated).</summary>
    /// <remarks>Kernel: debugfs <c>maxchunk</c>.</remarks>
    public ulong MaxChunk { get { lock (_platform.Sync) return FreeRunsLocked().Select(r => r.Pages).DefaultIfEmpty(0UL).Max(); } }

    /// <summary>Free runs as (first page, pages), lowest first: the fragmentation of the area.</summary>
    public IReadOnlyList<(PhysAddress Start, ulong Pages)> FreeRuns
    {
        get { lock (_platform.Sync) return [.. FreeRunsLocked().Select(r => (new PhysAddress(r.Pfn * Platform.PageSize), r.Pages))]; }
    }

    /// <summary>Pages currently lent to movable allocations.</summary>
    public int LentPages { get { lock (_platform.Sync) return _lent.Count; } }

    /// <summary>Pages <see cref="Alloc"/> completed successfully, summed over calls.</summary>
    /// <remarks>Kernel: <c>/sys/kernel/mm/cma/&lt;name&gt;/alloc_pages_success</c>.</remarks>
    public ulong AllocPagesSuccess { get; private set; }

    /// <summary>Pages <see cref="Alloc"/> failed to allocate, summed over calls.</summary>
    /// <remarks>Kernel: <c>/sys/kernel/mm/cma/&lt;name&gt;/alloc_pages_fail</c>.</remarks>
    public ulong AllocPagesFail { get; private set; }

    /// <summary>What the kernel would log for this area (busy retries, failures), oldest first.</summary>
    public IReadOnlyList<string> Log { get { lock (_platform.Sync) return [.. _log]; } }

    internal ulong BasePfn { get; }

    /// <summary>
    /// The bitmap as text, one character per <paramref name="pagesPerChar"/> pages: <c>#</c> all
    /// allocated, <c>.</c> all free, <c>m</c> free but lent to movable pages, <c>P</c> holding a
    /// pinned page, <c>+</c> a mix of allocated and free.
    /// </summary>
    /// <param name="pagesPerChar">Pages each character stands for.</param>
    /// <remarks>Kernel: debugfs <c>bitmap</c>, drawn.</remarks>
    public string Bitmap(int pagesPerChar = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pagesPerChar);
        lock (_platform.Sync)
        {
            var text = new System.Text.StringBuilder();
            for (long i = 0; i < _bitmap.LongLength; i += pagesPerChar)
            {
                long end = Math.Min(_bitmap.LongLength, i + pagesPerChar);
                int used = 0, lent = 0, pinned = 0;
                for (long p = i; p < end; p++)
                {
                    if (_bitmap[p]) used++;
                    if (_lent.TryGetValue(BasePfn + (ulong)p, out var page))
                    {
                        lent++;
                        if (page.IsPinned) pinned++;
                    }
                }
                text.Append(pinned > 0 ? 'P' : used == end - i ? '#' : used > 0 ? '+' : lent > 0 ? 'm' : '.');
            }
            return text.ToString();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"cma {Name}: {Base} +{Size / 1024} KiB";

    /// <summary>Whether [pfn, +count) lies inside the area.</summary>
    internal bool Contains(ulong pfn, ulong count) => pfn >= BasePfn && pfn + count <= BasePfn + Count;

    /// <summary>Free pages: not allocated and not lent (lock held).</summary>
    internal ulong FreeUnlentPages => (ulong)_bitmap.LongCount(b => !b) - (ulong)_lent.Count;

    /// <summary>Lends the lowest free page to a movable allocation; null when none (lock held).</summary>
    internal ulong? LendPage(MovablePage page) => LendPageOutside(page, 0, 0);

    /// <summary>Lends the lowest free page outside [avoidPfn, +avoidCount) (a migration target inside the area); null when none (lock held).</summary>
    internal ulong? LendPageOutside(MovablePage page, ulong avoidPfn, ulong avoidCount)
    {
        for (long i = 0; i < _bitmap.LongLength; i++)
        {
            ulong pfn = BasePfn + (ulong)i;
            if (_bitmap[i] || _lent.ContainsKey(pfn) || (pfn >= avoidPfn && pfn < avoidPfn + avoidCount)) continue;
            _lent[pfn] = page;
            return pfn;
        }
        return null;
    }

    /// <summary>Puts a page back on loan where it was (a migration that found no target) (lock held).</summary>
    internal void RelendPage(ulong pfn, MovablePage page) => _lent[pfn] = page;

    /// <summary>A lent page comes back (freed, or migrated away) (lock held).</summary>
    internal void ReturnPage(ulong pfn) => _lent.Remove(pfn);

    private IEnumerable<(ulong Pfn, ulong Pages)> FreeRunsLocked()
    {
        long start = -1;
        for (long i = 0; i <= _bitmap.LongLength; i++)
        {
            bool free = i < _bitmap.LongLength && !_bitmap[i];
            if (free && start < 0) start = i;
            if (!free && start >= 0)
            {
                yield return (BasePfn + (ulong)start, (ulong)(i - start));
                start = -1;
            }
        }
    }
}
