using System.Globalization;
using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

// The xlates: a registered controller's specifier cells to a channel (the of_dma_xlate
// callbacks), with the request line, the EDMA event queue and the PL08x AHB masters set on it.
public sealed partial class OfDmaLookup
{
    /// <summary>EDMA3 on AM335x has 3 transfer controllers (CCCFG.NUM_EVQUE); a node's <c>ti,tptcs</c> lists its own.</summary>
    private const int DefaultEdmaTransferControllers = 3;

    /// <summary>Translates <paramref name="cells"/> on <paramref name="controller"/> into a channel it gives (taken).</summary>
    /// <exception cref="DmaException">ENODEV (O-1, O-5, O-7): no channel for this specifier; EINVAL (O-5): cells the xlate cannot take.</exception>
    private static DmaChan Translate(DmaEngine engine, DtNode consumer, string name, OfDmaController controller, uint[] cells)
    {
        var node = controller.Node;
        string at = $"{consumer.Path} \"{name}\"";
        if (controller.Xlate == OfDmaXlate.Pl08x && cells.Length != 2)
            throw new DmaException("EINVAL", "O-5", $"{at}: DMA channel translation requires two cells (the PL08x binding: <request signal, AHB master(s)>), and {node.Path}'s specifier has {cells.Length}.");
        if (cells.Length != CellsOf(controller.Xlate))
            throw new DmaException("EINVAL", "O-5", $"{at}: {node.Path}'s {controller.Xlate} xlate takes {CellsOf(controller.Xlate)} cell(s); the specifier has {cells.Length}.");
        if (SpecifierProblem(controller, cells) is { KernelAccepts: false } problem) throw new DmaException("ENODEV", problem.Rule, $"{at}: {problem.Message}.");
        uint first = cells[0];
        // O-1: bit n of word k marks channel 32k+n available, LSB first; no property: all are.
        uint[]? mask = node.Property("dma-channel-mask")?.Cells();
        bool Available(int channel) => mask is null || (channel / 32 < mask.Length && (mask[channel / 32] & (1u << (channel % 32))) != 0);
        // EDMA and PL08x give the channel whose number is the event or signal (of_edma_xlate,
        // pl08x_find_chan_id); by-id gives the channel numbered; simple takes any free one.
        bool byNumber = controller.Xlate is not OfDmaXlate.Simple;
        bool Fits(DmaChan chan, object? _) => chan.Device == controller.Device && Available(chan.ChanId) && (!byNumber || chan.ChanId == first);
        var chan = engine.RequestChannel(DmaCapMask.Slave, Fits, null)
            ?? throw new DmaException("ENODEV", byNumber ? "O-7" : "O-5", byNumber
                ? $"{at}: channel {first.ToString(CultureInfo.InvariantCulture)} of {node.Path} is already taken, or masked out by dma-channel-mask (dma_get_slave_channel gives NULL){DmaEngine.AllocationNote()}."
                : $"{at}: {node.Path} has no free channel (all are taken, or masked out by dma-channel-mask){DmaEngine.AllocationNote()}.");
        if (controller.Xlate != OfDmaXlate.ByChannelId) chan.RequestLine = (int)first;
        // EDMA: cell 1 is the event queue, i.e. the transfer controller the channel is serviced on.
        if (controller.Xlate == OfDmaXlate.Edma) chan.SetEventQueue((int)cells[1]);
        if (controller.Xlate == OfDmaXlate.Pl08x) chan.PeriphBuses = (int)cells[1];
        return chan;
    }

    /// <summary>
    /// What the controller's xlate refuses in a specifier of the right length, checked without
    /// taking a channel (at load, and before a request): a request line beyond
    /// <c>dma-requests</c> (O-1), a channel number the device does not have, an EDMA event queue
    /// beyond its transfer controllers; and what it lets through but the model flags: a PL08x
    /// master mask naming no AHB master.
    /// </summary>
    private static (string Rule, string Message, bool KernelAccepts)? SpecifierProblem(OfDmaController controller, IReadOnlyList<uint> cells)
    {
        var node = controller.Node;
        var device = controller.Device.Description;
        uint first = cells[0];
        uint? requests = node.Property("dma-requests") is { Value.Length: 4 } r ? r.Cell() : null;
        switch (controller.Xlate)
        {
            case OfDmaXlate.ByChannelId when first >= device.ChannelCount:
                return ("O-6", $"{node.Path} has no channel {first} (it has {device.ChannelCount})", false);
            case OfDmaXlate.Simple or OfDmaXlate.Edma or OfDmaXlate.Pl08x when requests is { } limit && first >= limit:
                return ("O-1", $"request {first} is beyond {node.Path}'s dma-requests = <{limit}>", false);
            case OfDmaXlate.Simple or OfDmaXlate.Edma or OfDmaXlate.Pl08x when first >= device.RequestLines:
                return ("O-1", $"request {first} is beyond the {device.RequestLines} request lines of {node.Path}", false);
            case OfDmaXlate.Edma or OfDmaXlate.Pl08x when first >= device.ChannelCount:
                return ("O-1", $"{node.Path} has no channel {first} for that {(controller.Xlate == OfDmaXlate.Edma ? "event" : "signal")} (it has {device.ChannelCount})", false);
            case OfDmaXlate.Edma when cells[1] >= TransferControllers(node):
                return ("O-1", $"event queue {cells[1]} does not exist: {node.Path} has {TransferControllers(node)} transfer controllers (of_edma_xlate gives NULL)", false);
            case OfDmaXlate.Pl08x when cells[1] is 0 or > 3:
                return ("O-5", $"AHB master mask {cells[1]} names no master of {node.Path} (1 = AHB1, 2 = AHB2, 3 = either)", true);
            default:
                return null;
        }
    }

    /// <summary>EDMA's transfer controllers: one per <c>ti,tptcs</c> entry (phandle, priority), else AM335x's 3.</summary>
    internal static int TransferControllers(DtNode node) =>
        node.Property("ti,tptcs") is { Value.Length: > 0 } tptcs && tptcs.Value.Length % 8 == 0 ? tptcs.Value.Length / 8 : DefaultEdmaTransferControllers;
}
