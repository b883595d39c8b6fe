namespace DmaActors.Api.OfDma;

/// <summary>How a controller turns a consumer's <c>dmas</c> specifier cells into a channel. Kernel: the <c>of_dma_xlate</c> callbacks.</summary>
public enum OfDmaXlate
{
    /// <summary><c>of_dma_simple_xlate</c>: one cell, the request line; any free channel serves it (PL330 here).</summary>
    Simple,

    /// <summary><c>of_dma_xlate_by_chan_id</c>: one cell, the channel number.</summary>
    ByChannelId,

    /// <summary>
    /// TI EDMA, <c>of_edma_xlate</c> (<c>#dma-cells = &lt;2&gt;</c>): cell 0 is the event, and the
    /// channel taken is the one whose number is that event (event 27 is <c>dma0chan27</c>); cell 1
    /// is the event queue (transfer controller), below the number of TCs.
    /// </summary>
    Edma,

    /// <summary>
    /// ARM PL080/PL081, <c>pl08x_of_xlate</c> (<c>#dma-cells = &lt;2&gt;</c>): cell 0 is the request
    /// signal, and the channel taken is that signal's (one virtual channel per signal); cell 1 is
    /// the AHB master(s) the peripheral sits on (a mask: 1 = AHB1, 2 = AHB2).
    /// </summary>
    Pl08x,
}
