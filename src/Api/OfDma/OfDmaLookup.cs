using System.Globalization;
using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>
/// Channel lookup from the device tree (kernel: <c>of_dma_request_slave_channel()</c>): the
/// consumer's <c>dma-names</c> gives the index of the named channel in <c>dmas</c>; each
/// <c>dmas</c> entry is a controller phandle followed by that controller's <c>#dma-cells</c>
/// cells; the controller's xlate turns the cells into a channel and a request line.
/// Plug it into <see cref="DmaEngine.ChannelLookup"/>.
/// </summary>
/// <remarks>
/// Errors as the kernel returns them: a controller that is not registered (yet) is
/// EPROBE_DEFER; a name missing from <c>dma-names</c>, a malformed <c>dmas</c> or no free
/// channel is ENODEV; each message names the node.
/// </remarks>
public sealed class OfDmaLookup(DtTree tree) : IDmaChannelLookup
{
    private readonly List<OfDmaController> _controllers = [];
    private readonly List<IDmaRouter> _routers = [];
    private readonly Lock _gate = new();

    /// <summary>The tree consumers are looked up in.</summary>
    public DtTree Tree { get; } = tree;

    /// <summary>Registers <paramref name="device"/> as the controller at <paramref name="node"/>. Kernel: <c>of_dma_controller_register()</c>.</summary>
    /// <exception cref="DmaException">EINVAL: the node has no <c>#dma-cells</c>, or it does not fit the xlate.</exception>
    public void OfDmaControllerRegister(DtNode node, Provider.DmaDevice device, OfDmaXlate xlate)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(device);
        uint cells = node.Property("#dma-cells")?.Cell()
            ?? throw new DmaException("EINVAL", "O-1", $"{node.Path} has no #dma-cells: a DMA controller node must say how many cells its specifiers have.");
        uint needed = xlate == OfDmaXlate.Edma ? 2u : 1u;
        if (cells != needed)
            throw new DmaException("EINVAL", xlate == OfDmaXlate.ByChannelId ? "O-6" : "O-5", $"{node.Path} has #dma-cells = <{cells}> but its {xlate} xlate takes exactly {needed} cell(s).");
        lock (_gate) _controllers.Add(new OfDmaController(node, device, xlate));
    }

    /// <summary>Registers a DMA router (crossbar): consumers pointing at its node are routed to its master. Kernel: <c>of_dma_router_register()</c> (O-8).</summary>
    public void OfDmaRouterRegister(IDmaRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        lock (_gate) _routers.Add(router);
    }

    /// <summary>Forgets the controller at <paramref name="node"/>. Kernel: <c>of_dma_controller_free()</c>.</summary>
    public void OfDmaControllerFree(DtNode node)
    {
        lock (_gate) _controllers.RemoveAll(c => c.Node == node);
    }

    /// <inheritdoc/>
    public DmaChan? RequestSlaveChannel(DmaEngine engine, string devName, string name)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var consumer = FindConsumer(devName);
        if (consumer?.Property("dmas") is null) return null;
        var (controllerNode, specifier) = SpecifierOf(consumer, name);
        IDmaRouter? router;
        lock (_gate) router = _routers.Find(r => r.Node == controllerNode);
        Action? freeRoute = null;
        if (router is not null)
        {
            // O-8: the router rewrites the specifier to point at the real controller.
            (controllerNode, specifier, freeRoute) = router.RouteAllocate(consumer, specifier);
        }
        OfDmaController? controller;
        lock (_gate) controller = _controllers.Find(c => c.Node == controllerNode);
        if (controller is null || controller.Device.Unregistered)
        {
            freeRoute?.Invoke();
            throw new DmaException("EPROBE_DEFER", "O-3", $"{consumer.Path} wants \"{name}\" from {controllerNode.Path}, which is not registered as a DMA controller (yet): probe again after it is.");
        }
        DmaChan chan;
        try
        {
            chan = Translate(engine, consumer, name, controller, specifier);
        }
        catch (DmaException)
        {
            freeRoute?.Invoke();
            throw;
        }
        if (freeRoute is not null) chan.SetRouteRelease(freeRoute);
        return chan;
    }

    /// <summary>The controller node and specifier cells of <paramref name="consumer"/>'s channel <paramref name="name"/> (O-2, O-3).</summary>
    /// <exception cref="DmaException">ENODEV: no such dma-names entry, or a malformed dmas.</exception>
    public (DtNode Controller, uint[] Cells) SpecifierOf(DtNode consumer, string name)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var dmas = consumer.Property("dmas") ?? throw new DmaException("ENODEV", "O-3", $"{consumer.Path} has no dmas property.");
        var names = consumer.Property("dma-names") is { IsEmpty: false } property ? property.Strings() : [];
        if (names.Count == 0)
            throw new DmaException("ENODEV", "O-3", $"dma-names property of node '{consumer.Path}' missing or empty.");
        int index = names.ToList().IndexOf(name);
        if (index < 0)
            throw new DmaException("ENODEV", "O-3", $"{consumer.Path} has no dma-names entry \"{name}\" (it has: {string.Join(", ", names.Select(n => '"' + n + '"'))}).");
        return Specifier(consumer, dmas.Cells(), index);
    }

    private DtNode? FindConsumer(string devName) =>
        Tree.FindByPath(devName) ?? Tree.FindByLabel(devName)
        ?? Tree.Nodes.FirstOrDefault(n => n.UnitAddress is { } unit && $"{unit}.{n.BaseName}" == devName);

    /// <summary>The <paramref name="index"/>-th specifier of <c>dmas</c>: walks the entries by each controller's <c>#dma-cells</c>.</summary>
    private (DtNode Controller, uint[] Cells) Specifier(DtNode consumer, uint[] dmas, int index)
    {
        int position = 0;
        for (int entry = 0; ; entry++)
        {
            if (position >= dmas.Length)
                throw new DmaException("ENODEV", "O-2", $"{consumer.Path}: dma-names has more entries than dmas has specifiers ({entry}).");
            var controller = Tree.FindByPhandle(dmas[position])
                ?? throw new DmaException("ENODEV", "O-2", $"{consumer.Path}: dmas entry {entry} references phandle {dmas[position]}, which no node has.");
            int cells = (int)(controller.Property("#dma-cells")?.Cell()
                ?? throw new DmaException("ENODEV", "O-1", $"{consumer.Path}: dmas entry {entry} points at {controller.Path}, which has no #dma-cells."));
            if (position + 1 + cells > dmas.Length)
                throw new DmaException("ENODEV", "O-2", $"{consumer.Path}: dmas entry {entry} is cut short: {controller.Path} needs {cells} cells.");
            if (entry == index) return (controller, dmas[(position + 1)..(position + 1 + cells)]);
            position += 1 + cells;
        }
    }

    private static DmaChan Translate(DmaEngine engine, DtNode consumer, string name, OfDmaController controller, uint[] cells)
    {
        var node = controller.Node;
        uint first = cells[0];
        uint? requests = node.Property("dma-requests")?.Cell();
        if (controller.Xlate != OfDmaXlate.ByChannelId && requests is { } limit && first >= limit)
            throw new DmaException("ENODEV", "O-1", $"{consumer.Path} \"{name}\": request {first} is beyond {node.Path}'s dma-requests = <{limit}>.");
        // O-1: bit n of word k marks channel 32k+n available, LSB first; no property: all are.
        uint[]? mask = node.Property("dma-channel-mask")?.Cells();
        bool Available(int channel) => mask is null || (channel / 32 < mask.Length && (mask[channel / 32] & (1u << (channel % 32))) != 0);
        bool Fits(DmaChan chan, object? _) =>
            chan.Device == controller.Device && Available(chan.ChanId)
            && (controller.Xlate != OfDmaXlate.ByChannelId || chan.ChanId == first);
        var chan = engine.RequestChannel(DmaCapMask.Slave, Fits, null)
            ?? throw new DmaException("ENODEV", controller.Xlate == OfDmaXlate.ByChannelId ? "O-7" : "O-5", $"{consumer.Path} \"{name}\": {node.Path} has no free channel{(controller.Xlate == OfDmaXlate.ByChannelId ? " " + first.ToString(CultureInfo.InvariantCulture) : "")} (all are taken, or masked out by dma-channel-mask){DmaEngine.AllocationNote()}.");
        if (controller.Xlate != OfDmaXlate.ByChannelId) chan.RequestLine = (int)first;
        // EDMA: cell 1 is the event queue, i.e. the transfer controller the channel is serviced on.
        if (controller.Xlate == OfDmaXlate.Edma) chan.SetEventQueue((int)cells[1]);
        return chan;
    }
}
