using DmaActors.Mapping.Fences;

namespace DmaActors.Mapping.DmaBufs;

/// <summary>What <see cref="DmaBuf.Export"/> needs.</summary>
/// <remarks>Kernel: <c>struct dma_buf_export_info</c> (<c>DEFINE_DMA_BUF_EXPORT_INFO</c>).</remarks>
public sealed record DmaBufExportInfo
{
    /// <summary>The exporter's name.</summary>
    /// <remarks>Kernel: <c>exp_name</c>.</remarks>
    public required string ExpName { get; init; }

    /// <summary>The exporter's callbacks.</summary>
    /// <remarks>Kernel: <c>ops</c>.</remarks>
    public required IDmaBufOps Ops { get; init; }

    /// <summary>Bytes.</summary>
    /// <remarks>Kernel: <c>size</c>.</remarks>
    public required long Size { get; init; }

    /// <summary>The exporter's private data (required, as the kernel requires it).</summary>
    /// <remarks>Kernel: <c>priv</c>.</remarks>
    public required object Priv { get; init; }

    /// <summary>The physical runs holding the buffer, for the CPU-access check (DB-6); empty when not known.</summary>
    public IReadOnlyList<(PhysAddress Start, long Length)> Pages { get; init; } = [];

    /// <summary>A reservation object to share, or null for a new one.</summary>
    /// <remarks>Kernel: <c>resv</c>.</remarks>
    public DmaResv? Resv { get; init; }
}
