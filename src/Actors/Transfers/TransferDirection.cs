namespace DmaActors.Actors.Transfers;

/// <summary>Which way data moves. Kernel: <c>enum dma_transfer_direction</c> (same values).</summary>
public enum TransferDirection
{
    /// <summary>DMA_MEM_TO_MEM: memcpy, memset, interleaved copies.</summary>
    MemToMem = 0,

    /// <summary>DMA_MEM_TO_DEV: memory into a device FIFO, paced by the device's DRQ.</summary>
    MemToDev = 1,

    /// <summary>DMA_DEV_TO_MEM: a device FIFO into memory, paced by the device's DRQ.</summary>
    DevToMem = 2,

    /// <summary>DMA_DEV_TO_DEV: not modelled by the simulated hardware (no controller preset supports it).</summary>
    DevToDev = 3,
}
