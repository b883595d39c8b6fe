namespace DmaActors.Api.Provider;

/// <summary>Which <c>struct dma_device</c> callbacks a simulated driver implements (the rest are NULL).</summary>
/// <remarks>Kernel: the <c>device_*</c> function pointers of <c>struct dma_device</c>.</remarks>
[Flags]
public enum DmaDeviceOps
{
    /// <summary>No op.</summary>
    None = 0,

    /// <summary>Kernel: <c>device_prep_dma_memcpy</c>.</summary>
    PrepDmaMemcpy = 1 << 0,

    /// <summary>Kernel: <c>device_prep_dma_xor</c> (not simulated: registration accepts it, nothing prepares with it).</summary>
    PrepDmaXor = 1 << 1,

    /// <summary>Kernel: <c>device_prep_dma_xor_val</c> (not simulated).</summary>
    PrepDmaXorVal = 1 << 2,

    /// <summary>Kernel: <c>device_prep_dma_pq</c> (not simulated).</summary>
    PrepDmaPq = 1 << 3,

    /// <summary>Kernel: <c>device_prep_dma_pq_val</c> (not simulated).</summary>
    PrepDmaPqVal = 1 << 4,

    /// <summary>Kernel: <c>device_prep_dma_memset</c>.</summary>
    PrepDmaMemset = 1 << 5,

    /// <summary>Kernel: <c>device_prep_dma_interrupt</c> (not simulated).</summary>
    PrepDmaInterrupt = 1 << 6,

    /// <summary>Kernel: <c>device_prep_slave_sg</c>.</summary>
    PrepSlaveSg = 1 << 7,

    /// <summary>Kernel: <c>device_prep_dma_cyclic</c>.</summary>
    PrepDmaCyclic = 1 << 8,

    /// <summary>Kernel: <c>device_prep_interleaved_dma</c>.</summary>
    PrepInterleavedDma = 1 << 9,

    /// <summary>Kernel: <c>device_config</c>.</summary>
    Config = 1 << 10,

    /// <summary>Kernel: <c>device_pause</c>.</summary>
    Pause = 1 << 11,

    /// <summary>Kernel: <c>device_resume</c>.</summary>
    Resume = 1 << 12,

    /// <summary>Kernel: <c>device_terminate_all</c>.</summary>
    TerminateAll = 1 << 13,

    /// <summary>Kernel: <c>device_synchronize</c>.</summary>
    Synchronize = 1 << 14,

    /// <summary>Kernel: <c>device_tx_status</c> (mandatory, P-7).</summary>
    TxStatus = 1 << 15,

    /// <summary>Kernel: <c>device_issue_pending</c> (mandatory, P-7).</summary>
    IssuePending = 1 << 16,

    /// <summary>Kernel: <c>device_release</c> (optional; without it unbinding in use is unsafe, P-7).</summary>
    Release = 1 << 17,

    /// <summary>Kernel: <c>device_alloc_chan_resources</c> / <c>device_free_chan_resources</c>.</summary>
    ChanResources = 1 << 18,

    /// <summary>Everything the simulator implements: what a virt-dma driver over the simulated controller provides.</summary>
    AllSimulated = PrepDmaMemcpy | PrepDmaMemset | PrepSlaveSg | PrepDmaCyclic | PrepInterleavedDma | Config | Pause | Resume
        | TerminateAll | Synchronize | TxStatus | IssuePending | Release | ChanResources,
}
