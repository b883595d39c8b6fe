using DmaActors.Mapping.Fences;

namespace DmaActors.Mapping.DmaBufs;

/// <summary>
/// A buffer shared between drivers: exported once with its ops, referenced by every user
/// (<see cref="Get"/>/<see cref="Put"/>, freed at the last put, DB-2), attached and mapped per
/// importing device (DB-3…DB-5), accessed by the CPU only between <see cref="BeginCpuAccess"/> and
/// <see cref="EndCpuAccess"/> (DB-6), and ordered by the fences of its <see cref="Resv"/> (DB-11).
/// </summary>
/// <remarks>
/// Kernel: <c>struct dma_buf</c> (<c>drivers/dma-buf/dma-buf.c</c>). The file descriptor and its
/// reference are the object and <see cref="Get"/>/<see cref="Put"/>. Misuse is reported through the
/// platform's dma-debug (<see cref="DmaDebug"/>), as DMA-API debug reports mapping misuse.
/// </remarks>
public sealed partial class DmaBuf
{
    private readonly Lock _lock = new();
    private readonly List<DmaBufAttachment> _attachments = [];
    private readonly IReadOnlyList<(PhysAddress Start, long Length)> _pages;
    private int _refs = 1;
    private int _cpuAccess;
    private int _vmaps;
    private CpuAddress? _vaddr;

    private DmaBuf(Platform platform, DmaBufExportInfo info)
    {
        Platform = platform;
        ExpName = info.ExpName;
        Ops = info.Ops;
        Size = info.Size;
        Priv = info.Priv;
        Resv = info.Resv ?? new DmaResv();
        _pages = info.Pages;
    }

    /// <summary>The machine.</summary>
    public Platform Platform { get; }

    /// <summary>The exporter's name.</summary>
    /// <remarks>Kernel: <c>dmabuf-&gt;exp_name</c>.</remarks>
    public string ExpName { get; }

    /// <summary>The exporter's ops.</summary>
    public IDmaBufOps Ops { get; }

    /// <summary>Bytes.</summary>
    /// <remarks>Kernel: <c>dmabuf-&gt;size</c>.</remarks>
    public long Size { get; }

    /// <summary>The exporter's private data.</summary>
    /// <remarks>Kernel: <c>dmabuf-&gt;priv</c>.</remarks>
    public object Priv { get; }

    /// <summary>The reservation object: the writer and reader fences.</summary>
    /// <remarks>Kernel: <c>dmabuf-&gt;resv</c>.</remarks>
    public DmaResv Resv { get; }

    /// <summary>References held.</summary>
    /// <remarks>Kernel: <c>file_count(dmabuf-&gt;file)</c>.</remarks>
    public int RefCount { get { lock (_lock) return _refs; } }

    /// <summary>Whether the last reference went and the exporter released the memory.</summary>
    public bool IsReleased { get { lock (_lock) return _refs == 0; } }

    /// <summary>The attachments, in attach order.</summary>
    /// <remarks>Kernel: <c>dmabuf-&gt;attachments</c>.</remarks>
    public IReadOnlyList<DmaBufAttachment> Attachments { get { lock (_lock) return [.. _attachments]; } }

    /// <summary>Whether the CPU is inside <see cref="BeginCpuAccess"/>/<see cref="EndCpuAccess"/>.</summary>
    public bool InCpuAccess { get { lock (_lock) return _cpuAccess > 0; } }

    /// <summary>
    /// Exports a buffer: the ops and private data are required (DB-1). Holds one reference.
    /// </summary>
    /// <param name="platform">The machine.</param>
    /// <param name="info">The export description.</param>
    /// <exception cref="DmaMappingException">EINVAL (DB-1).</exception>
    /// <remarks>Kernel: <c>dma_buf_export()</c>.</remarks>
    public static DmaBuf Export(Platform platform, DmaBufExportInfo info)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(info);
        if (info.Ops is null || info.Priv is null || string.IsNullOrEmpty(info.ExpName))
            throw new DmaMappingException("EINVAL", "DB-1", "dma_buf_export(): exp_info needs ops (map_dma_buf, unmap_dma_buf, release), priv and exp_name.");
        if (info.Size <= 0)
            throw new DmaMappingException("EINVAL", "DB-1", $"dma_buf_export({info.ExpName}): size {info.Size} is not a positive number of bytes.");
        var dmabuf = new DmaBuf(platform, info);
        lock (platform.Sync) platform.Debug.Watch(dmabuf);
        return dmabuf;
    }

    /// <summary>Takes a reference.</summary>
    /// <returns>This buffer.</returns>
    /// <remarks>Kernel: <c>get_dma_buf()</c> / <c>dma_buf_get(fd)</c>.</remarks>
    public DmaBuf Get()
    {
        lock (_lock)
        {
            EnsureLive("get_dma_buf");
            _refs++;
            return this;
        }
    }

    /// <summary>
    /// Drops a reference; the last one releases the buffer: a device still attached is reported (DB-8),
    /// a live vmap is a kernel BUG (DB-7), the fences are dropped and the exporter frees the memory.
    /// </summary>
    /// <remarks>Kernel: <c>dma_buf_put()</c> → <c>dma_buf_release()</c>.</remarks>
    public void Put()
    {
        List<DmaBufAttachment> attached;
        lock (_lock)
        {
            EnsureLive("dma_buf_put");
            if (_refs == 1 && _vmaps > 0)
                throw new DmaMappingException("EBUSY", "DB-7", $"dma_buf_put({ExpName}): the last reference goes while the buffer is vmapped {_vmaps} time(s); dma_buf_release() BUGs on vmapping_counter. Call dma_buf_vunmap() first.");
            if (--_refs > 0) return;
            attached = [.. _attachments];
        }
        if (attached.Count > 0)
            Platform.Debug.Report(DmaDebugCheck.DmaBufAttachedAtRelease, "DB-8", attached[0].Device,
                $"dma-buf {ExpName} released while still attached to {string.Join(", ", attached.Select(a => a.Device.Name))} (WARN_ON(!list_empty(&dmabuf->attachments))); importers must dma_buf_detach() before dma_buf_put()");
        Resv.Fini();
        lock (Platform.Sync) Platform.Debug.Unwatch(this);
        Ops.Release(this);
    }

    /// <inheritdoc/>
    public override string ToString() => $"dma-buf {ExpName} ({Size} bytes)";

    /// <summary>Whether [pa, +length) touches this buffer while the CPU is not inside begin/end_cpu_access (DB-6); caller holds the platform lock.</summary>
    internal bool CpuAccessViolates(ulong pa, int length) =>
        !InCpuAccess && _pages.Any(p => pa < p.Start.Value + (ulong)p.Length && p.Start.Value < pa + (ulong)length);

    private void EnsureLive(string call)
    {
        if (_refs == 0) throw new DmaMappingException("EINVAL", "DB-2", $"{call}({ExpName}): the buffer was already released (its last reference was put).");
    }
}
