namespace DmaActors.Mapping.DmaBufs;

/// <summary>Attach, map, unmap, detach (DB-3, DB-4, DB-5).</summary>
public sealed partial class DmaBuf
{
    /// <summary>Attaches <paramref name="device"/>; the exporter may refuse with an errno (DB-3).</summary>
    /// <param name="device">The importing device.</param>
    /// <returns>The attachment.</returns>
    /// <exception cref="DmaMappingException">The exporter's errno (DB-3), or EINVAL on a released buffer (DB-2).</exception>
    /// <remarks>Kernel: <c>dma_buf_attach()</c>.</remarks>
    public DmaBufAttachment Attach(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_lock) EnsureLive("dma_buf_attach");
        var attachment = new DmaBufAttachment(this, device);
        int ret = Ops.Attach(attachment);
        if (ret < 0) throw new DmaMappingException(Errno.Name(ret), "DB-3", $"dma_buf_attach({ExpName}, {device.Name}): the exporter refused the device ({ret}).");
        lock (_lock) _attachments.Add(attachment);
        return attachment;
    }

    /// <summary>Detaches; a table still mapped is unmapped first, as the kernel does (DB-3).</summary>
    /// <param name="attachment">From <see cref="Attach"/>.</param>
    /// <remarks>Kernel: <c>dma_buf_detach()</c>.</remarks>
    public void Detach(DmaBufAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        lock (_lock)
        {
            if (!_attachments.Remove(attachment))
                throw new DmaMappingException("EINVAL", "DB-3", $"dma_buf_detach({ExpName}, {attachment.Device.Name}): not an attachment of this buffer (detached twice?).");
            attachment.IsAttached = false;
        }
        if (attachment.Mapped is { } table)
        {
            Ops.UnmapDmaBuf(attachment, table, attachment.Direction);
            attachment.Mapped = null;
        }
        Ops.Detach(attachment);
    }

    /// <summary>
    /// The buffer as an sg table mapped for the attachment's device: through its IOMMU, directly, or
    /// bounced, as <see cref="Device.MapSg"/> decides (DB-4). A detached attachment is reported and
    /// gets null, as is an attachment already mapped.
    /// </summary>
    /// <param name="attachment">From <see cref="Attach"/>.</param>
    /// <param name="direction">How the importer uses it.</param>
    /// <returns>The mapped table (use <c>sg_dma_address</c>/<c>sg_dma_len</c> of its first returned entries), or null.</returns>
    /// <remarks>Kernel: <c>dma_buf_map_attachment()</c>.</remarks>
    public Scatterlist? MapAttachment(DmaBufAttachment attachment, DmaDataDirection direction)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (!attachment.IsAttached || attachment.DmaBuf != this)
        {
            Platform.Debug.Report(DmaDebugCheck.DmaBufMapDetached, "DB-4", attachment.Device, $"dma_buf_map_attachment({ExpName}): the attachment was detached; attach again before mapping (the kernel would use freed memory)");
            return null;
        }
        if (attachment.Mapped is not null)
            throw new DmaMappingException("EBUSY", "DB-4", $"dma_buf_map_attachment({ExpName}, {attachment.Device.Name}): already mapped; unmap first.");
        var table = Ops.MapDmaBuf(attachment, direction);
        if (table is null) return null;
        attachment.Mapped = table;
        attachment.Direction = direction;
        return table;
    }

    /// <summary>Unmaps what <see cref="MapAttachment"/> returned; anything else is reported and ignored (DB-5).</summary>
    /// <param name="attachment">The attachment.</param>
    /// <param name="table">The table it mapped.</param>
    /// <param name="direction">As mapped.</param>
    /// <remarks>Kernel: <c>dma_buf_unmap_attachment()</c>.</remarks>
    public void UnmapAttachment(DmaBufAttachment attachment, Scatterlist table, DmaDataDirection direction)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentNullException.ThrowIfNull(table);
        if (attachment.Mapped != table)
        {
            Platform.Debug.Report(DmaDebugCheck.DmaBufUnmapNotMapped, "DB-5", attachment.Device, $"dma_buf_unmap_attachment({ExpName}): this sg table is not mapped by this attachment{(attachment.Mapped is null ? " (nothing is mapped)" : string.Empty)}");
            return;
        }
        Ops.UnmapDmaBuf(attachment, table, direction);
        attachment.Mapped = null;
    }
}
