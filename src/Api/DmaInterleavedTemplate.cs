namespace DmaActors.Api;

/// <summary>A 2-D transfer: <see cref="Numf"/> frames of <see cref="Sgl"/> chunks (C-23).</summary>
/// <remarks>Kernel: <c>struct dma_interleaved_template</c>.</remarks>
public sealed record DmaInterleavedTemplate
{
    /// <summary>Kernel: <c>src_start</c>.</summary>
    public ulong SrcStart { get; init; }

    /// <summary>Kernel: <c>dst_start</c>.</summary>
    public ulong DstStart { get; init; }

    /// <summary>Kernel: <c>dir</c> (only MEM_TO_MEM is simulated).</summary>
    public DmaTransferDirection Dir { get; init; } = DmaTransferDirection.MemToMem;

    /// <summary>Kernel: <c>src_inc</c>.</summary>
    public bool SrcInc { get; init; } = true;

    /// <summary>Kernel: <c>dst_inc</c>.</summary>
    public bool DstInc { get; init; } = true;

    /// <summary>Kernel: <c>src_sgl</c>: the source side skips <c>icg</c>.</summary>
    public bool SrcSgl { get; init; }

    /// <summary>Kernel: <c>dst_sgl</c>: the destination side skips <c>icg</c>.</summary>
    public bool DstSgl { get; init; }

    /// <summary>Kernel: <c>numf</c>: number of frames.</summary>
    public int Numf { get; init; } = 1;

    /// <summary>Kernel: <c>sgl[]</c> (its length is <c>frame_size</c>).</summary>
    public IReadOnlyList<DataChunk> Sgl { get; init; } = [];

    /// <summary>Kernel: <c>frame_size</c>: chunks per frame.</summary>
    public int FrameSize => Sgl.Count;

    /// <summary>Total bytes: <c>numf × Σ sgl[i].size</c> (C-23).</summary>
    public long TotalBytes => (long)Numf * Sgl.Sum(c => (long)c.Size);

    /// <summary>Effective source-side gap after <paramref name="chunk"/> (C-24).</summary>
    /// <param name="chunk">The chunk.</param>
    /// <remarks>Kernel: <c>dmaengine_get_src_icg()</c>.</remarks>
    public int GetSrcIcg(DataChunk chunk) => !SrcInc ? 0 : chunk.SrcIcg != 0 ? chunk.SrcIcg : SrcSgl ? chunk.Icg : 0;

    /// <summary>Effective destination-side gap after <paramref name="chunk"/> (C-24).</summary>
    /// <param name="chunk">The chunk.</param>
    /// <remarks>Kernel: <c>dmaengine_get_dst_icg()</c>.</remarks>
    public int GetDstIcg(DataChunk chunk) => !DstInc ? 0 : chunk.DstIcg != 0 ? chunk.DstIcg : DstSgl ? chunk.Icg : 0;
}
