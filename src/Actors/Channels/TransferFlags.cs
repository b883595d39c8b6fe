namespace DmaActors.Actors.Channels;

/// <summary>Descriptor flags. Kernel: <c>enum dma_ctrl_flags</c> (same bits).</summary>
[Flags]
public enum TransferFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>DMA_PREP_INTERRUPT: the client wants a completion callback.</summary>
    Interrupt = 1 << 0,

    /// <summary>DMA_CTRL_ACK: the client will not chain further operations on this descriptor.</summary>
    Ack = 1 << 1,

    /// <summary>DMA_PREP_PQ_DISABLE_P.</summary>
    PqDisableP = 1 << 2,

    /// <summary>DMA_PREP_PQ_DISABLE_Q.</summary>
    PqDisableQ = 1 << 3,

    /// <summary>DMA_PREP_CONTINUE.</summary>
    Continue = 1 << 4,

    /// <summary>DMA_PREP_FENCE: later operations depend on this one's result.</summary>
    Fence = 1 << 5,

    /// <summary>DMA_CTRL_REUSE: the descriptor is not freed after completion; it returns to the allocated list.</summary>
    Reuse = 1 << 6,

    /// <summary>DMA_PREP_CMD.</summary>
    Command = 1 << 7,

    /// <summary>DMA_PREP_REPEAT.</summary>
    Repeat = 1 << 8,

    /// <summary>DMA_PREP_LOAD_EOT.</summary>
    LoadEot = 1 << 9,
}
