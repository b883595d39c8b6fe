namespace DmaActors.Mapping.DmaBufs;

/// <summary>CPU access: begin/end with the exporter's cache maintenance (DB-6), and the kernel mapping (DB-7).</summary>
public sealed partial class DmaBuf
{
    /// <summary>Starts CPU access: the exporter makes device writes visible (for mapped attachments: sync for the CPU, which invalidates stale lines) (DB-6).</summary>
    /// <param name="direction">FROM_DEVICE to read, TO_DEVICE to write, BIDIRECTIONAL for both.</param>
    /// <returns>0, or the exporter's negative errno.</returns>
    /// <remarks>Kernel: <c>dma_buf_begin_cpu_access()</c>.</remarks>
    public int BeginCpuAccess(DmaDataDirection direction)
    {
        lock (_lock) EnsureLive("dma_buf_begin_cpu_access");
        int ret = Ops.BeginCpuAccess(this, direction);
        if (ret == 0)
        {
            lock (_lock) _cpuAccess++;
        }
        return ret;
    }

    /// <summary>Ends CPU access: the exporter writes CPU stores back for the devices (sync for the device, which cleans dirty lines) (DB-6).</summary>
    /// <param name="direction">As begun.</param>
    /// <returns>0, or the exporter's negative errno.</returns>
    /// <remarks>Kernel: <c>dma_buf_end_cpu_access()</c>.</remarks>
    public int EndCpuAccess(DmaDataDirection direction)
    {
        lock (_lock)
        {
            EnsureLive("dma_buf_end_cpu_access");
            if (_cpuAccess == 0) throw new DmaMappingException("EINVAL", "DB-6", $"dma_buf_end_cpu_access({ExpName}): no dma_buf_begin_cpu_access() to end.");
        }
        int ret = Ops.EndCpuAccess(this, direction);
        lock (_lock) _cpuAccess--;
        return ret;
    }

    /// <summary>A virtually contiguous kernel mapping of the buffer, shared by all callers and counted (DB-7).</summary>
    /// <returns>The CPU address.</returns>
    /// <exception cref="DmaMappingException">EINVAL when the exporter has no vmap, ENOMEM when it fails.</exception>
    /// <remarks>Kernel: <c>dma_buf_vmap()</c>.</remarks>
    public CpuAddress Vmap()
    {
        lock (_lock)
        {
            EnsureLive("dma_buf_vmap");
            if (_vmaps > 0)
            {
                _vmaps++;
                return _vaddr!.Value;
            }
        }
        var address = Ops.Vmap(this) ?? throw new DmaMappingException("EINVAL", "DB-7", $"dma_buf_vmap({ExpName}): the exporter has no vmap.");
        lock (_lock)
        {
            _vaddr = address;
            _vmaps++;
        }
        return address;
    }

    /// <summary>Drops one <see cref="Vmap"/>; the last one unmaps (DB-7).</summary>
    /// <param name="address">As returned.</param>
    /// <remarks>Kernel: <c>dma_buf_vunmap()</c>.</remarks>
    public void Vunmap(CpuAddress address)
    {
        lock (_lock)
        {
            if (_vmaps == 0 || _vaddr != address)
                throw new DmaMappingException("EINVAL", "DB-7", $"dma_buf_vunmap({ExpName}, {address}): not the buffer's vmap address (BUG_ON in the kernel).");
            if (--_vmaps > 0) return;
            _vaddr = null;
        }
        Ops.Vunmap(this, address);
    }
}
