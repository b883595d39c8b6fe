namespace DmaActors.Api.Provider;

/// <summary>The checks <c>dma_async_device_register()</c> makes before accepting a device (P-4..P-7), in the kernel's order.</summary>
internal static class DeviceValidation
{
    /// <summary>P-6: capabilities whose prep op the core checks, with the op and the kernel's names. Not checked: SLAVE, MEMSET_SG, REPEAT, LOAD_EOT.</summary>
    private static readonly (DmaCapMask Cap, DmaDeviceOps Op, string CapName)[] s_checkedCaps =
    [
        (DmaCapMask.Memcpy, DmaDeviceOps.PrepDmaMemcpy, "DMA_MEMCPY"),
        (DmaCapMask.Xor, DmaDeviceOps.PrepDmaXor, "DMA_XOR"),
        (DmaCapMask.XorVal, DmaDeviceOps.PrepDmaXorVal, "DMA_XOR_VAL"),
        (DmaCapMask.Pq, DmaDeviceOps.PrepDmaPq, "DMA_PQ"),
        (DmaCapMask.PqVal, DmaDeviceOps.PrepDmaPqVal, "DMA_PQ_VAL"),
        (DmaCapMask.Memset, DmaDeviceOps.PrepDmaMemset, "DMA_MEMSET"),
        (DmaCapMask.Interrupt, DmaDeviceOps.PrepDmaInterrupt, "DMA_INTERRUPT"),
        (DmaCapMask.Cyclic, DmaDeviceOps.PrepDmaCyclic, "DMA_CYCLIC"),
        (DmaCapMask.Interleave, DmaDeviceOps.PrepInterleavedDma, "DMA_INTERLEAVE"),
    ];

    public static void Validate(DmaDeviceDescription? device)
    {
        if (device is null)
            throw new DmaException("ENODEV", "P-5", "dma_async_device_register(NULL): pass the struct dma_device to register.");
        if (string.IsNullOrEmpty(device.Dev))
            throw new DmaException("EIO", "P-5", "DMAdevice must have dev: set DmaDeviceDescription.Dev to the controller's device name.");
        if ((device.CapMask & DmaCapMask.AsyncTx) != 0)
            throw new DmaException("EINVAL", "P-4", $"{device.Dev}: DMA_ASYNC_TX must not be set by drivers; the core sets it when the device supports every async_tx operation. Remove it from cap_mask.");
        foreach (var (cap, op, capName) in s_checkedCaps)
        {
            if ((device.CapMask & cap) != 0 && (device.Ops & op) == 0)
                throw new DmaException("EIO", "P-6", $"{device.Dev}: Device claims capability {capName}, but op is not defined (device_{OpName(op)} is NULL). Implement the op or drop the capability.");
        }
        if ((device.Ops & DmaDeviceOps.TxStatus) == 0)
            throw new DmaException("EIO", "P-7", $"{device.Dev}: Device tx_status is not defined. Implement device_tx_status.");
        if ((device.Ops & DmaDeviceOps.IssuePending) == 0)
            throw new DmaException("EIO", "P-7", $"{device.Dev}: Device issue_pending is not defined. Implement device_issue_pending.");
        if (device.ChannelCount <= 0)
            throw new DmaException("EINVAL", "P-8", $"{device.Dev}: a dma_device needs at least one channel on its channels list (ChannelCount is {device.ChannelCount}).");
        if (device.MinBurst < 0 || device.MaxBurst < 0 || device.MaxSgBurst < 0 || (device.MaxBurst > 0 && device.MinBurst > device.MaxBurst))
            throw new DmaException("EINVAL", "P-1", $"{device.Dev}: burst limits min_burst {device.MinBurst}, max_burst {device.MaxBurst}, max_sg_burst {device.MaxSgBurst} are inconsistent.");
        if (device.MemcpyChannels?.FirstOrDefault(c => c < 0 || c >= device.ChannelCount) is { } stray && device.MemcpyChannels.Any(c => c < 0 || c >= device.ChannelCount))
            throw new DmaException("EINVAL", "P-1", $"{device.Dev}: memcpy channel {stray} is not a channel of the device (0..{device.ChannelCount - 1}).");
        if ((device.Directions & DmaDirections.MemToMem) != 0)
            throw new DmaException("EINVAL", "P-1", $"{device.Dev}: dma_device.directions lists slave directions only; drop MEM_TO_MEM (memcpy is a capability, DMA_MEMCPY).");
    }

    /// <summary>The kernel's op name for a <see cref="DmaDeviceOps"/> flag: <c>prep_dma_cyclic</c>.</summary>
    private static string OpName(DmaDeviceOps op) => op switch
    {
        DmaDeviceOps.PrepDmaMemcpy => "prep_dma_memcpy",
        DmaDeviceOps.PrepDmaXor => "prep_dma_xor",
        DmaDeviceOps.PrepDmaXorVal => "prep_dma_xor_val",
        DmaDeviceOps.PrepDmaPq => "prep_dma_pq",
        DmaDeviceOps.PrepDmaPqVal => "prep_dma_pq_val",
        DmaDeviceOps.PrepDmaMemset => "prep_dma_memset",
        DmaDeviceOps.PrepDmaInterrupt => "prep_dma_interrupt",
        DmaDeviceOps.PrepDmaCyclic => "prep_dma_cyclic",
        DmaDeviceOps.PrepInterleavedDma => "prep_interleaved_dma",
        _ => op.ToString(),
    };
}
