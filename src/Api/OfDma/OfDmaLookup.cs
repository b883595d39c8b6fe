using DmaActors.DeviceTree;

namespace DmaActors.Api.OfDma;

/// <summary>
/// Channel lookup from the device tree (kernel: <c>of_dma_request_slave_channel()</c>, O-3): the
/// entries of the consumer's <c>dmas</c> whose <c>dma-names</c> entry is the name asked for are
/// tried from a rotating start index; the first entry whose controller (or router) is registered
/// and whose xlate gives a channel wins. Plug it into <see cref="DmaEngine.ChannelLookup"/>.
/// </summary>
/// <remarks>
/// <para>
/// Consumers are named as the kernel names their devices (<c>44e09000.serial</c>, see
/// <see cref="DtDeviceName"/>), or by node path or label.
/// </para>
/// <para>
/// Errors as the kernel returns them: no entry of that name is ENODEV; EPROBE_DEFER only when no
/// entry gave a channel and some entry pointed at a controller not (yet) registered; each
/// message names the node. Deviation: where every candidate entry failed in its xlate, the
/// kernel logs the xlate's complaint and returns ENODEV; here the last complaint is thrown
/// itself (its errno and rule), so the caller sees why.
/// </para>
/// </remarks>
public sealed partial class OfDmaLookup(DtTree tree) : IDmaChannelLookup
{
    /// <summary>The kernel's static <c>last_index</c>, shared by every request (O-3): bumped once per call.</summary>
    private int _lastIndex;

    private readonly List<OfDmaController> _controllers = [];
    private readonly List<IDmaRouter> _routers = [];
    private readonly Lock _gate = new();
    private Dictionary<string, List<DtNode>>? _byDeviceName;

    /// <summary>The tree consumers are looked up in.</summary>
    public DtTree Tree { get; } = tree;

    /// <summary>A channel was taken: its controller and request line are known from here (board wiring listens).</summary>
    public event Action<OfDmaRequest>? ChannelTaken;

    /// <summary>A channel taken here was released (and its route, if any, freed).</summary>
    public event Action<OfDmaRequest>? ChannelReleased;

    /// <summary>Registers <paramref name="device"/> as the controller at <paramref name="node"/>. Kernel: <c>of_dma_controller_register()</c>.</summary>
    /// <exception cref="DmaException">EINVAL: the node has no <c>#dma-cells</c>, or a number the xlate cannot take (the binding's own words for PL08x).</exception>
    public void OfDmaControllerRegister(DtNode node, Provider.DmaDevice device, OfDmaXlate xlate)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(device);
        uint cells = node.Property("#dma-cells") is { Value.Length: 4 } property ? property.Cell()
            : throw new DmaException("EINVAL", "O-1", $"{node.Path} has no #dma-cells: a DMA controller node must say how many cells its specifiers have.");
        uint needed = CellsOf(xlate);
        if (cells != needed)
        {
            throw xlate == OfDmaXlate.Pl08x
                ? new DmaException("EINVAL", "O-5", $"{node.Path} has #dma-cells = <{cells}>, but the PL08x binding takes 2: <request signal, AHB master(s)> (amba-pl08x: \"DMA channel translation requires two cells\").")
                : new DmaException("EINVAL", xlate == OfDmaXlate.ByChannelId ? "O-6" : "O-5", $"{node.Path} has #dma-cells = <{cells}> but its {xlate} xlate takes exactly {needed} cell(s).");
        }
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

    /// <summary>The registered controller at <paramref name="node"/> (and still registered with the engine), or null.</summary>
    public OfDmaController? ControllerAt(DtNode node)
    {
        lock (_gate) return _controllers.Find(c => c.Node == node && !c.Device.Unregistered);
    }

    /// <summary>The router registered at <paramref name="node"/>, or null.</summary>
    public IDmaRouter? RouterAt(DtNode node)
    {
        lock (_gate) return _routers.Find(r => r.Node == node);
    }

    /// <inheritdoc/>
    public DmaChan? RequestSlaveChannel(DmaEngine engine, string devName, string name)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(name);
        var consumer = FindConsumer(devName);
        // O-3: no dmas property: ENODEV without a word (here: null, so slave maps are tried).
        if (consumer?.Property("dmas") is null) return null;
        var names = OfDmaSpecifier.NamesOf(consumer);
        if (names.Count == 0)
            throw new DmaException("ENODEV", "O-3", $"dma-names property of node '{consumer.Path}' missing or empty.");
        if (!names.Contains(name))
            throw new DmaException("ENODEV", "O-3", $"{consumer.Path} has no dma-names entry \"{name}\" (it has: {string.Join(", ", names.Select(n => '"' + n + '"'))}).");
        var entries = OfDmaSpecifier.Parse(Tree, consumer, new List<OfDmaBindingProblem>());
        // Spread requests over entries of the same name: start at a rotating index, try them all.
        int start = Interlocked.Increment(ref _lastIndex);
        var deferredBy = new List<DtNode>();
        DmaException? last = null;
        for (int i = 0; i < names.Count; i++)
        {
            int index = (int)((uint)(i + start) % (uint)names.Count);
            if (names[index] != name) continue;
            if (index >= entries.Count)
            {
                last = new DmaException("ENODEV", "O-2", $"{consumer.Path}: dma-names entry {index} \"{name}\" has no readable dmas specifier (dmas has {entries.Count}).");
                continue;
            }
            var entry = entries[index];
            try
            {
                var chan = Take(engine, consumer, entry, deferredBy);
                if (chan is not null) return chan;
            }
            catch (DmaException failed) when (failed.Errno != "EPROBE_DEFER")
            {
                last = failed;
            }
        }
        if (deferredBy.Count > 0)
            throw new DmaException("EPROBE_DEFER", "O-3", $"{consumer.Path} wants \"{name}\" from {string.Join(" or ", deferredBy.Select(n => n.Path).Distinct())}, which is not registered as a DMA controller (yet): probe again after it is.");
        throw last ?? new DmaException("ENODEV", "O-3", $"{consumer.Path}: no dmas entry named \"{name}\" gave a channel.");
    }

    /// <summary>The controller node and specifier cells of <paramref name="consumer"/>'s first <c>dmas</c> entry named <paramref name="name"/> (O-2, O-3).</summary>
    /// <exception cref="DmaException">ENODEV: no such dma-names entry, or a malformed dmas.</exception>
    public (DtNode Controller, uint[] Cells) SpecifierOf(DtNode consumer, string name)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        if (consumer.Property("dmas") is null) throw new DmaException("ENODEV", "O-3", $"{consumer.Path} has no dmas property.");
        var names = OfDmaSpecifier.NamesOf(consumer);
        if (names.Count == 0)
            throw new DmaException("ENODEV", "O-3", $"dma-names property of node '{consumer.Path}' missing or empty.");
        int index = names.ToList().IndexOf(name);
        if (index < 0)
            throw new DmaException("ENODEV", "O-3", $"{consumer.Path} has no dma-names entry \"{name}\" (it has: {string.Join(", ", names.Select(n => '"' + n + '"'))}).");
        var problems = new List<OfDmaBindingProblem>();
        var entries = OfDmaSpecifier.Parse(Tree, consumer, problems);
        if (index < entries.Count) return (entries[index].Controller, [.. entries[index].Cells]);
        throw new DmaException("ENODEV", problems.FirstOrDefault()?.Rule ?? "O-2", problems.FirstOrDefault()?.Message is { } why ? $"{consumer.Path}: {why}." : $"{consumer.Path}: dma-names has more entries than dmas has specifiers ({entries.Count}).");
    }

    /// <summary>The consumer called <paramref name="devName"/>: its kernel device name, its node path, or a label.</summary>
    public DtNode? FindConsumer(string devName)
    {
        ArgumentNullException.ThrowIfNull(devName);
        if (devName.StartsWith('/')) return Tree.FindByPath(devName);
        var byName = LazyInitializer.EnsureInitialized(ref _byDeviceName, () =>
            Tree.Nodes.Where(n => n.Parent is not null).GroupBy(DtDeviceName.Of, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));
        if (byName.TryGetValue(devName, out var nodes)) return nodes.FirstOrDefault(n => n.Property("dmas") is not null) ?? nodes[0];
        return Tree.FindByLabel(devName);
    }

    /// <summary>One entry: through its router, or straight to its controller; null when it gave no channel; records an unregistered controller in <paramref name="deferredBy"/>.</summary>
    private DmaChan? Take(DmaEngine engine, DtNode consumer, OfDmaSpecifier entry, List<DtNode> deferredBy)
    {
        string name = entry.Name!;
        if (RouterAt(entry.Controller) is { } router)
        {
            // O-8: the router rewrites a copy of the specifier to point at the real controller.
            var (master, masterCells, free) = router.RouteAllocate(consumer, [.. entry.Cells]);
            if (ControllerAt(master) is not { } target)
            {
                free();
                throw new DmaException("EPROBE_DEFER", "O-8", $"{consumer.Path} \"{name}\": {router.Node.Path} routes to {master.Path}, which is not registered as a DMA controller (yet): probe again after it is.");
            }
            DmaChan routed;
            try
            {
                routed = Translate(engine, consumer, name, target, masterCells);
            }
            catch (DmaException)
            {
                free();
                throw;
            }
            return Taken(new OfDmaRequest(consumer, name, entry.Index, router, entry.Cells, master, masterCells, routed), free);
        }
        if (ControllerAt(entry.Controller) is not { } controller)
        {
            deferredBy.Add(entry.Controller);
            return null;
        }
        uint[] cells = [.. entry.Cells];
        var chan = Translate(engine, consumer, name, controller, cells);
        return Taken(new OfDmaRequest(consumer, name, entry.Index, null, entry.Cells, controller.Node, cells, chan), null);
    }

    /// <summary>Tells the listeners, and arranges for the route (if any) to be freed and the listeners told when the channel is released.</summary>
    private DmaChan Taken(OfDmaRequest request, Action? freeRoute)
    {
        request.Chan.SetReleaseAction(() =>
        {
            freeRoute?.Invoke();
            ChannelReleased?.Invoke(request);
        });
        ChannelTaken?.Invoke(request);
        return request.Chan;
    }

    private static uint CellsOf(OfDmaXlate xlate) => xlate is OfDmaXlate.Edma or OfDmaXlate.Pl08x ? 2u : 1u;
}
