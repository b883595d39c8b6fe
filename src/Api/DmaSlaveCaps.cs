namespace DmaActors.Api;

/// <summary>What a channel can do as a slave channel (C-14).</summary>
/// <remarks>Kernel: <c>struct dma_slave_caps</c>, filled by <c>dma_get_slave_caps()</c>.</remarks>
public sealed record DmaSlaveCaps
{
    /// <summary>Kernel: <c>src_addr_widths</c> (<c>BIT(bytes)</c> mask, C-15).</summary>
    public UInt128 SrcAddrWidths { get; init; }

    /// <summary>Kernel: <c>dst_addr_widths</c> (<c>BIT(bytes)</c> mask, C-15).</summary>
    public UInt128 DstAddrWidths { get; init; }

    /// <summary>Kernel: <c>directions</c>.</summary>
    public DmaDirections Directions { get; init; }

    /// <summary>Kernel: <c>min_burst</c> (words).</summary>
    public int MinBurst { get; init; }

    /// <summary>Kernel: <c>max_burst</c> (words).</summary>
    public int MaxBurst { get; init; }

    /// <summary>Kernel: <c>max_sg_burst</c> (0: unlimited).</summary>
    public int MaxSgBurst { get; init; }

    /// <summary>Kernel: <c>cmd_pause</c>: the device has <c>device_pause</c>.</summary>
    public bool CmdPause { get; init; }

    /// <summary>Kernel: <c>cmd_resume</c>: the device has <c>device_resume</c>.</summary>
    public bool CmdResume { get; init; }

    /// <summary>Kernel: <c>cmd_terminate</c>: the device has <c>device_terminate_all</c>.</summary>
    public bool CmdTerminate { get; init; }

    /// <summary>Kernel: <c>residue_granularity</c>.</summary>
    public DmaResidueGranularity ResidueGranularity { get; init; }

    /// <summary>Kernel: <c>descriptor_reuse</c>.</summary>
    public bool DescriptorReuse { get; init; }
}
