namespace DmaActors.Api;

/// <summary>A device register width in bytes.</summary>
/// <remarks>Kernel: <c>enum dma_slave_buswidth</c> (same values). Masks of widths are <c>BIT(width)</c>, see <see cref="DmaBuswidths"/>.</remarks>
public enum DmaSlaveBuswidth
{
    /// <summary>Kernel: <c>DMA_SLAVE_BUSWIDTH_UNDEFINED</c>.</summary>
    Undefined = 0,

    /// <summary>Kernel: <c>DMA_SLAVE_BUSWIDTH_1_BYTE</c>.</summary>
    Bytes1 = 1,

    /// <summary>Kernel: <c>DMA_SLAVE_BUSWIDTH_2_BYTES</c>.</summary>
    Bytes2 = 2,

    /// <summary>Kernel: <c>DMA_SLAVE_BUSWIDTH_3_BYTES</c>.</summary>
    Bytes3 = 3,

    /// <summary>Kernel: <c>DMA_SLAVE_BUSWIDTH_4_BYTES</c>.</summary>
    Bytes4 = 4,

    /// <summary>Kernel: <c>DMA_SLAVE_BUSWIDTH_8_BYTES</c>.</summary>
    Bytes8 = 8,

    /// <summary>Kernel: <c>DMA_SLAVE_BUSWIDTH_16_BYTES</c>.</summary>
    Bytes16 = 16,

    /// <summary>Kernel: <c>DMA_SLAVE_BUSWIDTH_32_BYTES</c>.</summary>
    Bytes32 = 32,

    /// <summary>Kernel: <c>DMA_SLAVE_BUSWIDTH_64_BYTES</c>.</summary>
    Bytes64 = 64,

    /// <summary>Kernel: <c>DMA_SLAVE_BUSWIDTH_128_BYTES</c>.</summary>
    Bytes128 = 128,
}
