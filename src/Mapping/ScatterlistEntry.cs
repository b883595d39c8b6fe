namespace DmaActors.Mapping;

/// <summary>One buffer of a scatter/gather list: the CPU side (page, offset, length) and, after mapping, the DMA side.</summary>
/// <remarks>Kernel: <c>struct scatterlist</c>.</remarks>
public sealed class ScatterlistEntry
{
    /// <summary>The page (page-aligned physical address).</summary>
    /// <remarks>Kernel: <c>sg_page()</c>.</remarks>
    public PhysAddress Page { get; private set; }

    /// <summary>Offset into <see cref="Page"/>.</summary>
    /// <remarks>Kernel: <c>sg-&gt;offset</c>.</remarks>
    public uint Offset { get; private set; }

    /// <summary>Bytes.</summary>
    /// <remarks>Kernel: <c>sg-&gt;length</c>.</remarks>
    public uint Length { get; private set; }

    /// <summary>Bus address after <c>dma_map_sg</c>; valid for the first "returned count" entries only.</summary>
    /// <remarks>Kernel: <c>sg_dma_address()</c>.</remarks>
    public DmaAddress DmaAddress { get; internal set; }

    /// <summary>Bus length after <c>dma_map_sg</c> (0 past the returned count).</summary>
    /// <remarks>Kernel: <c>sg_dma_len()</c>.</remarks>
    public uint DmaLength { get; internal set; }

    /// <summary>The physical address of the data.</summary>
    /// <remarks>Kernel: <c>sg_phys()</c>.</remarks>
    public PhysAddress Phys => Page + Offset;

    /// <summary>Points the entry at <paramref name="length"/> bytes from <paramref name="offset"/> in <paramref name="page"/>.</summary>
    /// <param name="page">A physical address; its page is taken and the remainder added to the offset.</param>
    /// <param name="length">Bytes.</param>
    /// <param name="offset">Offset.</param>
    /// <remarks>Kernel: <c>sg_set_page()</c>.</remarks>
    public void SetPage(PhysAddress page, uint length, uint offset)
    {
        ulong start = page.Value + offset;
        Page = new PhysAddress(start & ~(ulong)(Platform.PageSize - 1));
        Offset = (uint)(start % Platform.PageSize);
        Length = length;
    }

    /// <summary>Points the entry at a linear-map buffer (kmalloc memory; vmalloc addresses are refused).</summary>
    /// <param name="buffer">A kmalloc address.</param>
    /// <param name="length">Bytes.</param>
    /// <remarks>Kernel: <c>sg_set_buf()</c>.</remarks>
    public void SetBuf(CpuAddress buffer, uint length) => SetPage(Platform.VirtToPhys(buffer), length, 0);
}
