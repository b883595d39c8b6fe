namespace DmaActors.Mapping;

/// <summary>One tracked mapping or allocation, as <c>struct dma_debug_entry</c>.</summary>
/// <remarks>Kernel: <c>struct dma_debug_entry</c>.</remarks>
internal sealed class DmaDebugEntry
{
    public required Device Device { get; init; }

    public required DmaAddress Address { get; init; }

    public required long Size { get; init; }

    public required DmaDebugEntryType Type { get; init; }

    public required DmaDataDirection Direction { get; init; }

    public int SgCallEnts { get; init; }

    public int SgMappedEnts { get; init; }

    /// <summary>The original buffer's physical pieces (the driver's memory, not a bounce slot).</summary>
    public required IReadOnlyList<(ulong Pa, long Length)> Physical { get; init; }

    public CpuAddress? Cpu { get; init; }

    /// <summary>Whether <c>dma_mapping_error()</c> was called on it (D-8).</summary>
    public bool MapErrorChecked { get; set; }

    /// <summary>Whether the device owns the buffer (after map or sync_for_device; not after sync_for_cpu).</summary>
    public bool DeviceOwned { get; set; } = true;

    public static string Name(DmaDataDirection direction) => direction switch
    {
        DmaDataDirection.Bidirectional => "DMA_BIDIRECTIONAL",
        DmaDataDirection.ToDevice => "DMA_TO_DEVICE",
        DmaDataDirection.FromDevice => "DMA_FROM_DEVICE",
        _ => "DMA_NONE",
    };

    public static string Name(DmaDebugEntryType type) => type switch
    {
        DmaDebugEntryType.SingleOrPage => "single",
        DmaDebugEntryType.ScatterGather => "scatter-gather",
        _ => "coherent",
    };
}
