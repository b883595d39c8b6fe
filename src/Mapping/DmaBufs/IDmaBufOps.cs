namespace DmaActors.Mapping.DmaBufs;

/// <summary>What an exporter provides for its buffers. Mapping, unmapping and release are required; the rest have the kernel's defaults.</summary>
/// <remarks>Kernel: <c>struct dma_buf_ops</c> (<c>include/linux/dma-buf.h</c>).</remarks>
public interface IDmaBufOps
{
    /// <summary>A device attaches; a negative errno refuses it (the device cannot reach this buffer).</summary>
    /// <param name="attachment">The new attachment.</param>
    /// <remarks>Kernel: <c>attach</c> (optional).</remarks>
    int Attach(DmaBufAttachment attachment) => 0;

    /// <summary>A device detaches.</summary>
    /// <param name="attachment">The attachment.</param>
    /// <remarks>Kernel: <c>detach</c> (optional).</remarks>
    void Detach(DmaBufAttachment attachment)
    {
    }

    /// <summary>The buffer as an sg table mapped for <paramref name="attachment"/>'s device; null on failure.</summary>
    /// <param name="attachment">The attachment.</param>
    /// <param name="direction">How the importer uses it.</param>
    /// <remarks>Kernel: <c>map_dma_buf</c> (required).</remarks>
    Scatterlist? MapDmaBuf(DmaBufAttachment attachment, DmaDataDirection direction);

    /// <summary>Undoes <see cref="MapDmaBuf"/>.</summary>
    /// <param name="attachment">The attachment.</param>
    /// <param name="table">The table mapped.</param>
    /// <param name="direction">As mapped.</param>
    /// <remarks>Kernel: <c>unmap_dma_buf</c> (required).</remarks>
    void UnmapDmaBuf(DmaBufAttachment attachment, Scatterlist table, DmaDataDirection direction);

    /// <summary>The last reference went: free the memory.</summary>
    /// <param name="dmabuf">The buffer.</param>
    /// <remarks>Kernel: <c>release</c> (required).</remarks>
    void Release(DmaBuf dmabuf);

    /// <summary>The CPU is about to access the buffer: make device writes visible (cache maintenance).</summary>
    /// <param name="dmabuf">The buffer.</param>
    /// <param name="direction">The access's direction.</param>
    /// <remarks>Kernel: <c>begin_cpu_access</c> (optional).</remarks>
    int BeginCpuAccess(DmaBuf dmabuf, DmaDataDirection direction) => 0;

    /// <summary>The CPU is done: make its writes visible to the devices.</summary>
    /// <param name="dmabuf">The buffer.</param>
    /// <param name="direction">The access's direction.</param>
    /// <remarks>Kernel: <c>end_cpu_access</c> (optional).</remarks>
    int EndCpuAccess(DmaBuf dmabuf, DmaDataDirection direction) => 0;

    /// <summary>A virtually contiguous kernel mapping of the whole buffer, or null when not supported.</summary>
    /// <param name="dmabuf">The buffer.</param>
    /// <remarks>Kernel: <c>vmap</c> (optional).</remarks>
    CpuAddress? Vmap(DmaBuf dmabuf) => null;

    /// <summary>Undoes <see cref="Vmap"/>.</summary>
    /// <param name="dmabuf">The buffer.</param>
    /// <param name="address">As returned.</param>
    /// <remarks>Kernel: <c>vunmap</c> (optional).</remarks>
    void Vunmap(DmaBuf dmabuf, CpuAddress address)
    {
    }
}
