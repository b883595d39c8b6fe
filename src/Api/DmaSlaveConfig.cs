namespace DmaActors.Api;

/// <summary>A slave channel's device-side parameters (C-16..C-18); applies to descriptors prepared afterwards.</summary>
/// <remarks>Kernel: <c>struct dma_slave_config</c>, given to <c>dmaengine_slave_config()</c>.</remarks>
public sealed record DmaSlaveConfig
{
    /// <summary>Kernel: <c>direction</c> (deprecated: the prep call's direction wins); checked against the device's directions when set.</summary>
    public DmaTransferDirection? Direction { get; init; }

    /// <summary>Kernel: <c>src_addr</c>: the device FIFO for DEV_TO_MEM.</summary>
    public ulong SrcAddr { get; init; }

    /// <summary>Kernel: <c>dst_addr</c>: the device FIFO for MEM_TO_DEV.</summary>
    public ulong DstAddr { get; init; }

    /// <summary>Kernel: <c>src_addr_width</c>.</summary>
    public DmaSlaveBuswidth SrcAddrWidth { get; init; }

    /// <summary>Kernel: <c>dst_addr_width</c>.</summary>
    public DmaSlaveBuswidth DstAddrWidth { get; init; }

    /// <summary>Kernel: <c>src_maxburst</c>, in words of <see cref="SrcAddrWidth"/> (C-18).</summary>
    public int SrcMaxburst { get; init; }

    /// <summary>Kernel: <c>dst_maxburst</c>, in words of <see cref="DstAddrWidth"/> (C-18).</summary>
    public int DstMaxburst { get; init; }

    /// <summary>Kernel: <c>src_port_window_size</c> (words; recorded, not simulated).</summary>
    public int SrcPortWindowSize { get; init; }

    /// <summary>Kernel: <c>dst_port_window_size</c> (words; recorded, not simulated).</summary>
    public int DstPortWindowSize { get; init; }

    /// <summary>Kernel: <c>device_fc</c>: the peripheral is the flow controller.</summary>
    public bool DeviceFc { get; init; }

    /// <summary>
    /// Kernel (older): <c>slave_id</c>: the DRQ line the device is wired to. When null the line
    /// given by the channel lookup (<see cref="DmaChan.RequestLine"/>) is used.
    /// </summary>
    public int? SlaveId { get; init; }
}
