using Akka.Actor;
using DmaActors.Api;
using DmaActors.Api.Provider;

namespace DmaActors.Examples.CustomController;

/// <summary>
/// A dmaengine provider: the driver of an invented "ACME XDMA" controller. Its probe fills in a
/// <c>struct dma_device</c> (<see cref="DmaDeviceDescription"/>) and registers it; a client then
/// borrows a channel for a memcpy; remove() unregisters. A second probe, of a buggy variant that
/// claims DMA_CYCLIC without <c>device_prep_dma_cyclic</c>, shows the core refusing it.
/// </summary>
public static class CustomControllerDriver
{
    private const ulong Ram = 0x8000_0000, Src = Ram, Dst = Ram + 0x4_0000;

    /// <summary>
    /// The controller as its driver's probe() describes it: every field is what a driver sets on
    /// its <c>struct dma_device</c> before <c>dma_async_device_register()</c>.
    /// </summary>
    public static DmaDeviceDescription Describe() => new()
    {
        Dev = "acme-xdma.0",                                        // dma->dev
        // dma_cap_set(): what it can do. DMA_ASYNC_TX is the core's to set, never the driver's.
        CapMask = DmaCapMask.Memcpy | DmaCapMask.Memset | DmaCapMask.Slave,
        // The device_* ops it fills in; each capability needs its prep op (checked at register).
        Ops = DmaDeviceOps.PrepDmaMemcpy | DmaDeviceOps.PrepDmaMemset | DmaDeviceOps.PrepSlaveSg
            | DmaDeviceOps.Config | DmaDeviceOps.Pause | DmaDeviceOps.Resume | DmaDeviceOps.TerminateAll
            | DmaDeviceOps.Synchronize | DmaDeviceOps.TxStatus | DmaDeviceOps.IssuePending
            | DmaDeviceOps.ChanResources | DmaDeviceOps.Release,
        // What dma_get_slave_caps() reports and dmaengine_slave_config() is validated against.
        Directions = DmaDirections.MemToDev | DmaDirections.DevToMem,
        SrcAddrWidths = DmaBuswidths.Mask(DmaSlaveBuswidth.Bytes1, DmaSlaveBuswidth.Bytes2, DmaSlaveBuswidth.Bytes4),
        DstAddrWidths = DmaBuswidths.Mask(DmaSlaveBuswidth.Bytes1, DmaSlaveBuswidth.Bytes2, DmaSlaveBuswidth.Bytes4),
        MinBurst = 1,
        MaxBurst = 32,                                              // words of addr_width
        MaxSgBurst = 8,                                             // sg entries per hardware burst
        ResidueGranularity = DmaResidueGranularity.Segment,         // residue updates per sg entry
        DescriptorReuse = false,
        // Eight virtual channels (INIT_LIST_HEAD(&dma->channels) + 8 list_add_tail) multiplexed
        // by virt-dma onto two hardware channels that share the bus, channel 0 weighted 3:1.
        ChannelCount = 8,
        PhysicalChannels = 2,
        Policy = DmaArbitration.WeightedRoundRobin(3, 1),
    };

    /// <summary>Registers the controller, runs a memcpy client on it, shows a refused registration, and unregisters.</summary>
    public static CustomControllerResult Run(ActorSystem system, int length = 4096)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var engine = new DmaEngine(system, Ram, 1UL << 20);   // the machine: 1 MiB of RAM at Ram

        // ---- probe(): dma_async_device_register(). The core validates the description, takes
        // the lowest free dev_id and names the channels dma<dev_id>chan<n>, as sysfs shows them.
        DmaDevice xdma = engine.DmaAsyncDeviceRegister(Describe());

        // ---- A client (e.g. a crypto or net offload driver) borrows a memcpy channel. ----
        // dma_request_channel(mask, filter_fn, param): the filter picks our controller among any
        // other DMA_MEMCPY providers; NULL means none is free, which is not an error.
        DmaChan chan = engine.RequestChannel(DmaCapMask.Memcpy, (c, param) => c.Device.Dev == (string?)param, "acme-xdma.0")
            ?? throw new InvalidOperationException("no free acme-xdma memcpy channel");

        var source = new byte[length];
        for (int i = 0; i < length; i++) source[i] = (byte)((i * 13) ^ (i >> 8));
        engine.Memory.Write(Src, source);

        // dmaengine_prep_dma_memcpy(chan, dst, src, len, flags): NULL would mean "no
        // device_prep_dma_memcpy"; we declared it. DMA_PREP_INTERRUPT: run the callback.
        var desc = chan.PrepDmaMemcpy(Dst, Src, length, DmaCtrlFlags.PrepInterrupt | DmaCtrlFlags.CtrlAck)
            ?? throw new InvalidOperationException("prep_dma_memcpy returned NULL");
        int called = 0;
        desc.Callback = _ => Volatile.Write(ref called, 1);   // runs in the completion context

        // dmaengine_submit() → cookie; dma_sync_wait() issues pending and polls the cookie, as
        // the kernel's async_tx fallback does when a caller must have the copy done now.
        int cookie = desc.Submit();
        if (chan.SyncWait(cookie) != DmaStatus.Complete)
            throw new InvalidOperationException($"memcpy on {chan.Name} did not complete");
        engine.RunUntil(() => Volatile.Read(ref called) == 1, TimeSpan.FromMilliseconds(10));

        var copied = new byte[length];
        engine.Memory.Read(Dst, copied);
        int verified = 0;
        while (verified < length && copied[verified] == source[verified]) verified++;
        string clientChannel = chan.Name;
        // dma_release_channel(): the client gives the channel back before the provider goes.
        engine.ReleaseChannel(chan);

        // ---- The kernel's own validation: a buggy variant claims DMA_CYCLIC without filling in
        // device_prep_dma_cyclic. dma_async_device_register() refuses it (-EIO), naming both.
        var buggy = Describe() with { Dev = "acme-xdma.1", CapMask = Describe().CapMask | DmaCapMask.Cyclic };
        string refusedErrno = "", refusedMessage = "";
        try
        {
            engine.DmaAsyncDeviceRegister(buggy);
        }
        catch (DmaException refused)
        {
            (refusedErrno, refusedMessage) = (refused.Errno, refused.Message);
        }

        // ---- remove(): dma_async_device_unregister(); its channels now answer -ENODEV.
        int devId = xdma.DevId;
        var names = xdma.ChannelNames;
        engine.DmaAsyncDeviceUnregister(xdma);
        return new CustomControllerResult(devId, names, clientChannel, verified, Volatile.Read(ref called) == 1,
            refusedErrno, refusedMessage, engine.Devices.Count);
    }
}
