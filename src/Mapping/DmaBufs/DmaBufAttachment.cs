namespace DmaActors.Mapping.DmaBufs;

/// <summary>One importing device's link to a dma-buf: what it has mapped, and whether it is still attached.</summary>
/// <remarks>Kernel: <c>struct dma_buf_attachment</c>.</remarks>
public sealed class DmaBufAttachment
{
    internal DmaBufAttachment(DmaBuf dmabuf, Device device)
    {
        DmaBuf = dmabuf;
        Device = device;
    }

    /// <summary>The buffer.</summary>
    /// <remarks>Kernel: <c>attach-&gt;dmabuf</c>.</remarks>
    public DmaBuf DmaBuf { get; }

    /// <summary>The importing device.</summary>
    /// <remarks>Kernel: <c>attach-&gt;dev</c>.</remarks>
    public Device Device { get; }

    /// <summary>The exporter's private data for this attachment.</summary>
    /// <remarks>Kernel: <c>attach-&gt;priv</c>.</remarks>
    public object? Priv { get; set; }

    /// <summary>Whether it is still attached.</summary>
    public bool IsAttached { get; internal set; } = true;

    /// <summary>The table mapped now, or null.</summary>
    public Scatterlist? Mapped { get; internal set; }

    /// <summary>The direction it is mapped in.</summary>
    public DmaDataDirection Direction { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"{DmaBuf.ExpName} attached to {Device.Name}";
}
