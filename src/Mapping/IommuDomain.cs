namespace DmaActors.Mapping;

/// <summary>
/// One device's IO page table and IOVA allocator. IOVAs are handed out top-down below the
/// device's mask, as the kernel's IOVA allocator does; pages carry read/write permission from the
/// mapping direction (TO_DEVICE read-only for the device, FROM_DEVICE write-only, M-14).
/// </summary>
/// <remarks>Kernel: <c>struct iommu_domain</c> + <c>struct iova_domain</c>. Callers hold the platform lock.</remarks>
internal sealed class IommuDomain
{
    /// <summary>Lowest IOVA page handed out: 1 MiB, so a stray zero or small address always faults.</summary>
    private const ulong FirstIovaPfn = 0x100;

    private readonly Dictionary<ulong, (ulong Pfn, bool Read, bool Write)> _table = [];
    private readonly PageFrameAllocator _iova = new([(FirstIovaPfn, (1UL << 52) - FirstIovaPfn)], 0);

    public IommuDomain(Device device) => Device = device;

    public Device Device { get; }

    public long Faults { get; private set; }

    public int MappedPages => _table.Count;

    /// <summary>Maps the page frames at consecutive IOVA pages below <paramref name="limit"/>; the first IOVA, or null when the space is full.</summary>
    public ulong? Map(IReadOnlyList<ulong> pfns, DmaDataDirection direction, ulong limit)
    {
        var first = _iova.Allocate((ulong)pfns.Count, 1, limit / Platform.PageSize, fromTop: true, lowest: true);
        if (first is null) return null;
        bool read = direction is DmaDataDirection.ToDevice or DmaDataDirection.Bidirectional;
        bool write = direction is DmaDataDirection.FromDevice or DmaDataDirection.Bidirectional;
        for (int i = 0; i < pfns.Count; i++) _table[first.Value + (ulong)i] = (pfns[i], read, write);
        return first.Value * Platform.PageSize;
    }

    /// <summary>Removes <paramref name="pages"/> translations from <paramref name="iova"/> and frees the IOVA range.</summary>
    public void Unmap(ulong iova, int pages)
    {
        ulong first = iova / Platform.PageSize;
        for (ulong i = 0; i < (ulong)pages; i++) _table.Remove(first + i);
        _iova.Release(first, (ulong)pages);
    }

    /// <summary>The physical address behind <paramref name="iova"/>, or null (a fault, counted) when unmapped or not permitted.</summary>
    public ulong? Translate(ulong iova, bool write)
    {
        if (_table.TryGetValue(iova / Platform.PageSize, out var pte) && (write ? pte.Write : pte.Read))
            return (pte.Pfn * Platform.PageSize) + (iova % Platform.PageSize);
        Faults++;
        return null;
    }
}
