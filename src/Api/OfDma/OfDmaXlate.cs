using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>How a controller turns a consumer's <c>dmas</c> specifier cells into a channel. Kernel: the <c>of_dma_xlate</c> callbacks.</summary>
public enum OfDmaXlate
{
    /// <summary><c>of_dma_simple_xlate</c>: cell 0 is the request line; any free channel serves it (PL080, PL330).</summary>
    Simple,

    /// <summary><c>of_dma_xlate_by_chan_id</c>: cell 0 is the channel number.</summary>
    ByChannelId,

    /// <summary>TI EDMA (<c>#dma-cells = &lt;2&gt;</c>): cell 0 is the request line (event), cell 1 the event queue / TC.</summary>
    Edma,
}
