using DmaActors.Actors.Transfers;
using DmaActors.Api.Provider;

namespace DmaActors.Api;

// The dmaengine_prep_* wrappers. A prep builds the façade descriptor only: the simulated channel
// allocates its descriptor at the first submit, because the kernel lets the client set callback,
// callback_result and DMA_CTRL_REUSE between prep and submit, while the layer below fixes them at
// PrepareDescriptor (gap reported). A terminate in between still kills the descriptor (H-7).
public sealed partial class DmaChan
{
    /// <summary>Prepares a slave transfer of one buffer (C-20).</summary>
    /// <param name="buf">DMA address of the buffer.</param>
    /// <param name="len">Bytes.</param>
    /// <param name="dir">MEM_TO_DEV or DEV_TO_MEM.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_slave_sg</c> (C-19).</returns>
    /// <exception cref="DmaException">EINVAL: not configured, a direction or width the device cannot do, a bad length.</exception>
    /// <remarks>Kernel: <c>dmaengine_prep_slave_single()</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepSlaveSingle(ulong buf, int len, DmaTransferDirection dir, DmaCtrlFlags flags) =>
        PrepSlaveSg([new DmaSgEntry(buf, len)], dir, flags);

    /// <summary>Prepares a slave scatter-gather transfer (C-21).</summary>
    /// <param name="sgl">The mapped entries, in order.</param>
    /// <param name="dir">MEM_TO_DEV or DEV_TO_MEM.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_slave_sg</c> (C-19).</returns>
    /// <exception cref="DmaException">EINVAL: not configured, a direction or width the device cannot do, an empty list.</exception>
    /// <remarks>Kernel: <c>dmaengine_prep_slave_sg()</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepSlaveSg(IReadOnlyList<DmaSgEntry> sgl, DmaTransferDirection dir, DmaCtrlFlags flags)
    {
        ArgumentNullException.ThrowIfNull(sgl);
        const string call = "dmaengine_prep_slave_sg()";
        EnsureActive(call);
        if (!Device.Description.Has(DmaDeviceOps.PrepSlaveSg)) return null;
        var (line, beat, burst) = SlaveSide(dir, call);
        var chunks = sgl.Select(e => (e.DmaAddress, e.DmaLength)).ToArray();
        return Build(call, flags, () => TransferSpec.SlaveSg(dir, chunks, line, beat, burst) with { FlowController = FlowOf(), BusPasses = BusPassesFor(true, dir) });
    }

    /// <summary>Prepares a cyclic transfer over a ring of periods; the callback runs per period, and it stops only on terminate (C-22).</summary>
    /// <param name="bufAddr">DMA address of the ring.</param>
    /// <param name="bufLen">Ring bytes (a whole number of periods).</param>
    /// <param name="periodLen">Period bytes.</param>
    /// <param name="dir">MEM_TO_DEV or DEV_TO_MEM.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_dma_cyclic</c> (C-19).</returns>
    /// <exception cref="DmaException">EINVAL: not configured, bad direction, width or lengths.</exception>
    /// <remarks>Kernel: <c>dmaengine_prep_dma_cyclic()</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepDmaCyclic(ulong bufAddr, int bufLen, int periodLen, DmaTransferDirection dir, DmaCtrlFlags flags)
    {
        const string call = "dmaengine_prep_dma_cyclic()";
        EnsureActive(call);
        if (!Device.Description.Has(DmaDeviceOps.PrepDmaCyclic)) return null;
        var (line, beat, burst) = SlaveSide(dir, call);
        return Build(call, flags, () => TransferSpec.CyclicBuffer(dir, bufAddr, bufLen, periodLen, line, beat, burst) with { BusPasses = BusPassesFor(true, dir) });
    }

    /// <summary>Prepares an interleaved (2-D) memory-to-memory transfer (C-23, C-24).</summary>
    /// <param name="xt">The template.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_interleaved_dma</c>, or <paramref name="flags"/> has DMA_PREP_REPEAT and the device lacks DMA_REPEAT (C-19, C-23).</returns>
    /// <exception cref="DmaException">EINVAL: a direction other than MEM_TO_MEM, or gaps the simulated hardware cannot express.</exception>
    /// <remarks>Kernel: <c>dmaengine_prep_interleaved_dma()</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepInterleavedDma(DmaInterleavedTemplate xt, DmaCtrlFlags flags)
    {
        ArgumentNullException.ThrowIfNull(xt);
        const string call = "dmaengine_prep_interleaved_dma()";
        EnsureActive(call);
        var d = Device.Description;
        if (!d.Has(DmaDeviceOps.PrepInterleavedDma)) return null;
        if ((flags & DmaCtrlFlags.PrepRepeat) != 0 && (d.CapMask & DmaCapMask.Repeat) == 0) return null;
        if (xt.Dir != DmaTransferDirection.MemToMem)
            throw new DmaException("EINVAL", "C-23", $"{Name}: {call} with dir {xt.Dir}: the simulated controller does interleaved transfers MEM_TO_MEM only.");
        var template = InterleavedMapping.ToHardware(xt, Name);
        return Build(call, flags, () => TransferSpec.Interleaved(template, d.MemcpyBurstBytes));
    }

    /// <summary>Prepares a memory-to-memory copy (C-25).</summary>
    /// <param name="dest">Destination DMA address.</param>
    /// <param name="src">Source DMA address.</param>
    /// <param name="len">Bytes.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_dma_memcpy</c> (C-19).</returns>
    /// <remarks>Kernel: <c>dmaengine_prep_dma_memcpy()</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepDmaMemcpy(ulong dest, ulong src, int len, DmaCtrlFlags flags)
    {
        const string call = "dmaengine_prep_dma_memcpy()";
        EnsureActive(call);
        if (!Device.Description.Has(DmaDeviceOps.PrepDmaMemcpy)) return null;
        return Build(call, flags, () => TransferSpec.Memcpy(src, dest, len, Device.Description.MemcpyBurstBytes) with { BusPasses = BusPassesFor(false, DmaTransferDirection.MemToMem) });
    }

    /// <summary>Prepares a fill of <paramref name="len"/> bytes with the low byte of <paramref name="value"/> (C-25).</summary>
    /// <param name="dest">Destination DMA address.</param>
    /// <param name="value">The fill value; only its low byte is used.</param>
    /// <param name="len">Bytes.</param>
    /// <param name="flags">Descriptor flags.</param>
    /// <returns>The descriptor, or null if the device lacks <c>device_prep_dma_memset</c> (C-19).</returns>
    /// <remarks>Kernel: <c>dmaengine_prep_dma_memset()</c>.</remarks>
    public DmaAsyncTxDescriptor? PrepDmaMemset(ulong dest, int value, int len, DmaCtrlFlags flags)
    {
        const string call = "dmaengine_prep_dma_memset()";
        EnsureActive(call);
        if (!Device.Description.Has(DmaDeviceOps.PrepDmaMemset)) return null;
        return Build(call, flags, () => TransferSpec.Memset(dest, unchecked((byte)value), len, Device.Description.MemcpyBurstBytes));
    }

    private DmaAsyncTxDescriptor Build(string call, DmaCtrlFlags flags, Func<TransferSpec> spec)
    {
        try
        {
            return new DmaAsyncTxDescriptor(this, WithDeviceAddress(spec()), flags & ~DmaCtrlFlags.CtrlReuse, _slot.TerminateGeneration);
        }
        catch (ArgumentException bad)
        {
            throw new DmaException("EINVAL", "C-19", $"{Name}: {call} refused by the driver: {bad.Message}");
        }
    }

    /// <summary>The device side of a slave prep: DRQ line, beat (address width) and burst from the configuration.</summary>
    private (int Line, int Beat, int Burst) SlaveSide(DmaTransferDirection dir, string call)
    {
        var d = Device.Description;
        if (dir is not (DmaTransferDirection.MemToDev or DmaTransferDirection.DevToMem))
            throw new DmaException("EINVAL", "C-21", $"{Name}: {call} with {dir}: the simulated controller moves slave data MEM_TO_DEV or DEV_TO_MEM only.");
        if ((d.Directions & DirectionBit(dir)) == 0)
            throw new DmaException("EINVAL", "C-14", $"{Name}: {call} with {dir}, but {Device.Dev} declares directions {d.Directions}.");
        var config = Config ?? throw new DmaException("EINVAL", "C-17", $"{Name}: {call} before dmaengine_slave_config(): a slave channel must be configured first.");
        var width = dir == DmaTransferDirection.MemToDev ? config.DstAddrWidth : config.SrcAddrWidth;
        int burst = dir == DmaTransferDirection.MemToDev ? config.DstMaxburst : config.SrcMaxburst;
        if (width == DmaSlaveBuswidth.Undefined)
            throw new DmaException("EINVAL", "C-18", $"{Name}: {call} {dir} needs dma_slave_config.{(dir == DmaTransferDirection.MemToDev ? "dst" : "src")}_addr_width (the device register width).");
        int line = config.SlaveId ?? RequestLine
            ?? throw new DmaException("EINVAL", "C-18", $"{Name}: {call}: no DRQ line: set dma_slave_config.slave_id, or obtain the channel through a slave map / device tree entry that names the line.");
        CheckWatermark(dir, line, (int)width, Math.Max(1, burst));
        return (line, (int)width, Math.Max(1, burst));
    }

    private FlowController FlowOf() => Config?.DeviceFc == true ? FlowController.Device : FlowController.Dma;
}
