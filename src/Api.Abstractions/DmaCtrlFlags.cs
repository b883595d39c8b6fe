namespace DmaActors.Api;

/// <summary>Descriptor flags given to a prep call.</summary>
/// <remarks>Kernel: <c>enum dma_ctrl_flags</c> (same bits).</remarks>
[Flags]
public enum DmaCtrlFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Kernel: <c>DMA_PREP_INTERRUPT</c>: a completion callback is wanted (C-28).</summary>
    PrepInterrupt = 1 << 0,

    /// <summary>Kernel: <c>DMA_CTRL_ACK</c>: the provider may recycle the descriptor (C-29).</summary>
    CtrlAck = 1 << 1,

    /// <summary>Kernel: <c>DMA_PREP_PQ_DISABLE_P</c>.</summary>
    PrepPqDisableP = 1 << 2,

    /// <summary>Kernel: <c>DMA_PREP_PQ_DISABLE_Q</c>.</summary>
    PrepPqDisableQ = 1 << 3,

    /// <summary>Kernel: <c>DMA_PREP_CONTINUE</c>.</summary>
    PrepContinue = 1 << 4,

    /// <summary>Kernel: <c>DMA_PREP_FENCE</c>: later operations depend on this one (C-30).</summary>
    PrepFence = 1 << 5,

    /// <summary>Kernel: <c>DMA_CTRL_REUSE</c>: set by <c>DmaAsyncTxDescriptor.SetReuse()</c> (C-58).</summary>
    CtrlReuse = 1 << 6,

    /// <summary>Kernel: <c>DMA_PREP_CMD</c>.</summary>
    PrepCmd = 1 << 7,

    /// <summary>Kernel: <c>DMA_PREP_REPEAT</c> (interleaved only, needs <c>DmaCapMask.Repeat</c>, C-23/C-31).</summary>
    PrepRepeat = 1 << 8,

    /// <summary>Kernel: <c>DMA_PREP_LOAD_EOT</c> (needs <c>DmaCapMask.LoadEot</c>).</summary>
    PrepLoadEot = 1 << 9,
}
