using DmaActors.Mapping;

namespace DmaActors.Api;

// The prep calls with the types DMA mapping returns (DmaActors.Mapping): a DmaAddress from
// dma_map_single()/dma_alloc_coherent(), and a Scatterlist with the count dma_map_sg() returned.
// Each reads the bus address and hands it to the ulong form; what only a mapped type can get wrong
// (an unchecked DMA_MAPPING_ERROR, an entry past the mapped count) is refused here.
public sealed partial class DmaChan
{
    /// <summary>Prepares a slave transfer of one mapped buffer (C-20).</summary>
    /// <param name="buf">The buffer's DMA address, as <c>dma_map_single()</c> returned it.</param>
    /// <param name="len">Bytes.</param>
    /// <param name="dir">MEM_TO_DEV or DEV_TO_MEM.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_slave_sg</c> (C-19).</returns>
    /// <exception cref="DmaException">EINVAL: <paramref name="buf"/> is <c>DMA_MAPPING_ERROR</c> (M-8), or as <see cref="PrepSlaveSingle(ulong, int, DmaTransferDirection, DmaCtrlFlags)"/>.</exception>
    /// <remarks>Kernel: <c>dmaengine_prep_slave_single()</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepSlaveSingle(DmaAddress buf, int len, DmaTransferDirection dir, DmaCtrlFlags flags) =>
        PrepSlaveSingle(Mapped(buf, "dmaengine_prep_slave_single()"), len, dir, flags);

    /// <summary>Prepares a slave scatter-gather transfer over the first <paramref name="sgLen"/> entries of a mapped list (C-21).</summary>
    /// <param name="sgl">A list mapped with <c>dma_map_sg()</c> for the controller's device.</param>
    /// <param name="sgLen">The count <c>dma_map_sg()</c> returned (M-11), not the list's length.</param>
    /// <param name="dir">MEM_TO_DEV or DEV_TO_MEM.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_slave_sg</c> (C-19).</returns>
    /// <exception cref="DmaException">EINVAL: <paramref name="sgLen"/> is not in 1..entries, or an entry below it has no DMA side (not mapped, or past the count <c>dma_map_sg()</c> returned: C-21, M-11); or as the other overload.</exception>
    /// <remarks>Kernel: <c>dmaengine_prep_slave_sg(chan, sgl, sg_len, dir, flags)</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepSlaveSg(Scatterlist sgl, int sgLen, DmaTransferDirection dir, DmaCtrlFlags flags)
    {
        ArgumentNullException.ThrowIfNull(sgl);
        const string call = "dmaengine_prep_slave_sg()";
        if (sgLen <= 0 || sgLen > sgl.Count)
            throw new DmaException("EINVAL", "C-21", $"{Name}: {call} with sg_len {sgLen} for a list of {sgl.Count} entries: sg_len is the count dma_map_sg() returned (1..{sgl.Count}).");
        var entries = new DmaSgEntry[sgLen];
        for (int i = 0; i < sgLen; i++)
        {
            var entry = sgl[i];
            if (entry.DmaLength == 0)
                throw new DmaException("EINVAL", "C-21", $"{Name}: {call}: entry {i} of sg_len {sgLen} has no DMA address/length: map the list with dma_map_sg() first and pass the count it returned, which may be smaller than nents when entries merge (M-11).");
            entries[i] = new DmaSgEntry(Mapped(entry.DmaAddress, call), checked((int)entry.DmaLength));
        }
        return PrepSlaveSg(entries, dir, flags);
    }

    /// <summary>Prepares a cyclic transfer over a mapped ring (C-22).</summary>
    /// <param name="bufAddr">The ring's DMA address.</param>
    /// <param name="bufLen">Ring bytes (a whole number of periods).</param>
    /// <param name="periodLen">Period bytes.</param>
    /// <param name="dir">MEM_TO_DEV or DEV_TO_MEM.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_dma_cyclic</c> (C-19).</returns>
    /// <exception cref="DmaException">EINVAL: <paramref name="bufAddr"/> is <c>DMA_MAPPING_ERROR</c> (M-8), or as the other overload.</exception>
    /// <remarks>Kernel: <c>dmaengine_prep_dma_cyclic()</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepDmaCyclic(DmaAddress bufAddr, int bufLen, int periodLen, DmaTransferDirection dir, DmaCtrlFlags flags) =>
        PrepDmaCyclic(Mapped(bufAddr, "dmaengine_prep_dma_cyclic()"), bufLen, periodLen, dir, flags);

    /// <summary>Prepares a memory-to-memory copy between mapped buffers (C-25).</summary>
    /// <param name="dest">Destination DMA address.</param>
    /// <param name="src">Source DMA address.</param>
    /// <param name="len">Bytes.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_dma_memcpy</c> (C-19).</returns>
    /// <exception cref="DmaException">EINVAL: an address is <c>DMA_MAPPING_ERROR</c> (M-8).</exception>
    /// <remarks>Kernel: <c>dmaengine_prep_dma_memcpy()</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepDmaMemcpy(DmaAddress dest, DmaAddress src, int len, DmaCtrlFlags flags) =>
        PrepDmaMemcpy(Mapped(dest, "dmaengine_prep_dma_memcpy()"), Mapped(src, "dmaengine_prep_dma_memcpy()"), len, flags);

    /// <summary>Prepares a fill of a mapped buffer with the low byte of <paramref name="value"/> (C-25).</summary>
    /// <param name="dest">Destination DMA address.</param>
    /// <param name="value">The fill value; only its low byte is used.</param>
    /// <param name="len">Bytes.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_dma_memset</c> (C-19).</returns>
    /// <exception cref="DmaException">EINVAL: <paramref name="dest"/> is <c>DMA_MAPPING_ERROR</c> (M-8).</exception>
    /// <remarks>Kernel: <c>dmaengine_prep_dma_memset()</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepDmaMemset(DmaAddress dest, int value, int len, DmaCtrlFlags flags) =>
        PrepDmaMemset(Mapped(dest, "dmaengine_prep_dma_memset()"), value, len, flags);

    /// <summary>The bus address of a mapping; a failed map's <c>DMA_MAPPING_ERROR</c> is refused (the driver skipped <c>dma_mapping_error()</c>, M-8).</summary>
    private ulong Mapped(DmaAddress address, string call) =>
        address.IsMappingError
            ? throw new DmaException("EINVAL", "M-8", $"{Name}: {call} with DMA_MAPPING_ERROR: the map call failed and its result was not checked with dma_mapping_error().")
            : address.Value;
}
