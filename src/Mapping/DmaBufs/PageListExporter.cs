namespace DmaActors.Mapping.DmaBufs;

/// <summary>
/// An exporter over a list of physical page runs, as the dma-heaps export their buffers: each
/// attachment gets its own copy of the table mapped with <see cref="Device.MapSg"/> for its device
/// (IOMMU, direct or swiotlb, DB-4); CPU access syncs every mapped attachment (DB-6); vmap maps
/// the pages into the vmalloc area; release hands the runs to <c>free</c>.
/// </summary>
/// <remarks>
/// Kernel: <c>system_heap_buf_ops</c> / <c>cma_heap_buf_ops</c> (<c>drivers/dma-buf/heaps/</c>).
/// Deviation: begin/end_cpu_access sync each attachment in the direction it was mapped (the kernel
/// passes the CPU access's direction), so dma-debug's direction check (D-15) stays meaningful.
/// </remarks>
public sealed class PageListExporter : IDmaBufOps
{
    private readonly Platform _platform;
    private readonly Action<IReadOnlyList<(PhysAddress Start, long Length)>> _free;

    /// <summary>Creates the exporter for one buffer.</summary>
    /// <param name="platform">The machine.</param>
    /// <param name="runs">The buffer's physically contiguous runs, in order (page aligned).</param>
    /// <param name="free">Gives the runs back at release.</param>
    public PageListExporter(Platform platform, IReadOnlyList<(PhysAddress Start, long Length)> runs, Action<IReadOnlyList<(PhysAddress Start, long Length)>> free)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(free);
        _platform = platform;
        Runs = runs;
        _free = free;
    }

    /// <summary>The buffer's physical runs.</summary>
    public IReadOnlyList<(PhysAddress Start, long Length)> Runs { get; }

    /// <inheritdoc/>
    public Scatterlist? MapDmaBuf(DmaBufAttachment attachment, DmaDataDirection direction)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var pieces = Runs.SelectMany(Split).ToList();
        var table = new Scatterlist(pieces.Count);
        for (int i = 0; i < pieces.Count; i++) table[i].SetPage(pieces[i].Start, pieces[i].Length, 0);
        return attachment.Device.MapSg(table, table.Count, direction) == 0 ? null : table;
    }

    /// <inheritdoc/>
    public void UnmapDmaBuf(DmaBufAttachment attachment, Scatterlist table, DmaDataDirection direction)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentNullException.ThrowIfNull(table);
        attachment.Device.UnmapSg(table, table.Count, direction);
    }

    /// <inheritdoc/>
    public int BeginCpuAccess(DmaBuf dmabuf, DmaDataDirection direction)
    {
        ArgumentNullException.ThrowIfNull(dmabuf);
        foreach (var a in dmabuf.Attachments.Where(a => a.Mapped is not null)) a.Device.SyncSgForCpu(a.Mapped!, a.Mapped!.Count, a.Direction);
        return 0;
    }

    /// <inheritdoc/>
    public int EndCpuAccess(DmaBuf dmabuf, DmaDataDirection direction)
    {
        ArgumentNullException.ThrowIfNull(dmabuf);
        foreach (var a in dmabuf.Attachments.Where(a => a.Mapped is not null)) a.Device.SyncSgForDevice(a.Mapped!, a.Mapped!.Count, a.Direction);
        // A buffer nobody has mapped yet: CPU stores must still reach RAM before a device maps it.
        foreach (var (start, length) in Runs) _platform.WriteBack(start, length);
        return 0;
    }

    /// <inheritdoc/>
    public CpuAddress? Vmap(DmaBuf dmabuf) =>
        _platform.Vmap([.. Runs.SelectMany(r => Enumerable.Range(0, (int)(r.Length / Platform.PageSize)).Select(i => r.Start + ((ulong)i * Platform.PageSize)))]);

    /// <inheritdoc/>
    public void Vunmap(DmaBuf dmabuf, CpuAddress address) => _platform.Vunmap(address);

    /// <inheritdoc/>
    public void Release(DmaBuf dmabuf) => _free(Runs);

    /// <summary>A run cut into sg entries of at most 2 GiB (an entry's length is 32 bits).</summary>
    private static IEnumerable<(PhysAddress Start, uint Length)> Split((PhysAddress Start, long Length) run)
    {
        const long Max = 1L << 31;
        for (long done = 0; done < run.Length; done += Max)
            yield return (run.Start + (ulong)done, (uint)Math.Min(Max, run.Length - done));
    }
}
