using DmaActors.Mapping.DmaBufs;

namespace DmaActors.Mapping.Heaps;

/// <summary>
/// A named allocator of dma-bufs (<c>/dev/dma_heap/&lt;name&gt;</c>): the length is rounded up to
/// whole pages, 0 is refused, and failure is ENOMEM (DB-12).
/// </summary>
/// <remarks>Kernel: <c>struct dma_heap</c> (<c>drivers/dma-buf/dma-heap.c</c>), <c>DMA_HEAP_IOCTL_ALLOC</c>.</remarks>
public abstract class DmaHeap
{
    /// <summary>Creates a heap.</summary>
    /// <param name="platform">The machine.</param>
    /// <param name="name">Its name.</param>
    protected DmaHeap(Platform platform, string name)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Platform = platform;
        Name = name;
    }

    /// <summary>The machine.</summary>
    public Platform Platform { get; }

    /// <summary>The heap's name.</summary>
    /// <remarks>Kernel: <c>dma_heap_get_name()</c>.</remarks>
    public string Name { get; }

    /// <summary>Allocates a dma-buf of at least <paramref name="length"/> bytes (DB-12).</summary>
    /// <param name="length">Bytes; rounded up to pages.</param>
    /// <returns>The exported buffer, holding one reference.</returns>
    /// <exception cref="DmaMappingException">EINVAL for 0 bytes, ENOMEM when the heap has no room (DB-12).</exception>
    /// <remarks>Kernel: <c>dma_heap_buffer_alloc()</c>.</remarks>
    public DmaBuf Allocate(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        long size = (length + Platform.PageSize - 1) / Platform.PageSize * Platform.PageSize;
        if (size == 0) throw new DmaMappingException("EINVAL", "DB-12", $"dma_heap_buffer_alloc({Name}): length 0.");
        var runs = AllocateRuns(size)
            ?? throw new DmaMappingException("ENOMEM", "DB-12", $"dma_heap_buffer_alloc({Name}, {size}): the heap has no room.");
        foreach (var (start, runLength) in runs) Platform.Memory.Fill(start.Value, 0, runLength);
        var exporter = new PageListExporter(Platform, runs, FreeRuns);
        return DmaBuf.Export(Platform, new DmaBufExportInfo { ExpName = Name, Ops = exporter, Size = size, Priv = exporter, Pages = runs });
    }

    /// <summary>Physical runs for <paramref name="size"/> bytes (a page multiple), or null.</summary>
    /// <param name="size">Bytes.</param>
    protected abstract IReadOnlyList<(PhysAddress Start, long Length)>? AllocateRuns(long size);

    /// <summary>Gives runs from <see cref="AllocateRuns"/> back.</summary>
    /// <param name="runs">As allocated.</param>
    protected abstract void FreeRuns(IReadOnlyList<(PhysAddress Start, long Length)> runs);
}
