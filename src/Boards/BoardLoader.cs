using Akka.Actor;
using DmaActors.Actors.Memory;
using DmaActors.Api;
using DmaActors.Api.OfDma;
using DmaActors.DeviceTree;

namespace DmaActors.Boards;

/// <summary>
/// Brings a device tree up as the kernel's probe would, device by device: every DMA controller
/// node with a modelled <c>compatible</c> becomes a registered dmaengine device
/// (<c>dma_async_device_register</c>) and an <c>of_dma</c> controller, every crossbar an
/// <c>of_dma</c> router; every enabled consumer's <c>dmas</c>/<c>dma-names</c> is checked, and each
/// of its channels with a modelled peripheral gets a simulated peripheral on the request line it
/// names. A consumer whose provider is not modelled, absent, disabled or failed is deferred and
/// left out, as the kernel defers it; everything else runs.
/// </summary>
/// <remarks>
/// Devices are named as the kernel names them (<see cref="DtDeviceName"/>): <c>44e09000.serial</c>,
/// <c>49000000.dma</c>. Nothing here throws for a bad binding: every problem found is in
/// <see cref="SimulatedBoard.Problems"/>, each with its node path and rule, for the caller to
/// report (the CLI lists them all and exits 2 on any error).
/// </remarks>
public static partial class BoardLoader
{
    /// <summary>Default RAM when the tree has no <c>/memory</c> node: 512 MiB at 0x80000000 (AM335x DDR).</summary>
    public static readonly RamRegion DefaultRam = new(0x8000_0000, 512UL << 20);

    /// <summary>Loads <paramref name="tree"/> into <paramref name="system"/>.</summary>
    /// <param name="system">A simulated actor system.</param>
    /// <param name="tree">The board.</param>
    /// <param name="patternSeed">The first seed of the peripherals' data patterns (one more per peripheral, in tree order).</param>
    public static SimulatedBoard Load(ActorSystem system, DtTree tree, int patternSeed = 1)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(tree);
        var memory = new PhysicalMemory(32, [RamOf(tree)]);
        var engine = new DmaEngine(system, memory);
        var lookup = new OfDmaLookup(tree);
        engine.ChannelLookup = lookup;
        var problems = new List<OfDmaBindingProblem>();
        var names = DeviceNames(tree, problems);
        var (providers, controllers) = Providers(tree, engine, lookup, names);
        var wiring = new BoardWiring(system, controllers);
        var channels = Consumers(tree, lookup, names, providers, problems, wiring, patternSeed);
        lookup.ChannelTaken += wiring.OnChannelTaken;
        lookup.ChannelReleased += wiring.OnChannelReleased;
        return new SimulatedBoard(system, tree, engine, lookup, controllers, wiring.Peripherals, providers, channels, problems);
    }

    /// <summary>The Linux device name of a platform device node, as <c>of_device_make_bus_id()</c> makes it (<c>44e09000.serial</c>).</summary>
    public static string DevName(DtNode node) => DtDeviceName.Of(node);

    /// <summary>
    /// Every node that becomes a device (it has a <c>compatible</c>) by its kernel name. Two nodes
    /// with one name cannot both be added (sysfs refuses the second): the later one is reported.
    /// </summary>
    private static Dictionary<DtNode, string> DeviceNames(DtTree tree, List<OfDmaBindingProblem> problems)
    {
        var names = new Dictionary<DtNode, string>();
        var first = new Dictionary<string, DtNode>(StringComparer.Ordinal);
        foreach (var node in tree.Nodes.Where(n => n.Parent is not null && n.Property("compatible") is not null))
        {
            var name = DtDeviceName.Of(node);
            names[node] = name;
            if (!Enabled(node)) continue;
            if (first.TryGetValue(name, out var other) && (node.Property("dmas") is not null || node.Property("#dma-cells") is not null))
                problems.Add(new OfDmaBindingProblem(node, null, "of_device_make_bus_id", $"its device name {name} is also {other.Path}'s: the kernel would refuse to add the second device (duplicate name), so this one is left out", KernelAccepts: false));
            else first.TryAdd(name, node);
        }
        return names;
    }

    /// <summary>The kernel's <c>of_device_is_available()</c>: no <c>status</c>, or "okay" / "ok".</summary>
    internal static bool Enabled(DtNode node) =>
        node.Property("status") is not { } status || (!status.IsEmpty && status.Value[^1] == 0 && status.Strings()[0] is "okay" or "ok");

    /// <summary>The first <c>/memory</c> node's first bank, read with its parent's cell counts; <see cref="DefaultRam"/> when the tree has no memory node or it has no reg.</summary>
    /// <exception cref="DtsSyntaxException">The memory reg cannot be RAM (too few cells, size 0, past the 32-bit physical address space), at the property's file:line:column.</exception>
    private static RamRegion RamOf(DtTree tree)
    {
        var memory = tree.Nodes.FirstOrDefault(n => n.Parent is not null && (n.BaseName == "memory" || (n.Property("device_type") is { IsEmpty: false } t && t.Value[^1] == 0 && t.Strings()[0] == "memory")));
        if (memory?.Property("reg") is not { } reg) return DefaultRam;
        var (na, ns) = DtAddress.CellsOf(memory);
        var cells = reg.Cells();
        if (na is < 1 or > 2 || ns is < 1 or > 2 || cells.Length < na + ns)
        {
            throw new DtsSyntaxException(reg.Location, $"{memory.Path}: reg has {cells.Length} cell(s) but a bank is <address size> = {na} + {ns} cells (#address-cells and #size-cells of {memory.Parent!.Path}; the simulator takes 1 or 2 of each): the devicetree specification's memory node needs at least one whole bank");
        }
        ulong start = DtAddress.RegAddress(memory) ?? 0, size = 0;
        for (int i = na; i < na + ns; i++) size = (size << 32) | cells[i];
        if (size == 0 || start >= PhysicalAddressSpace || size > PhysicalAddressSpace - start)
        {
            throw new DtsSyntaxException(reg.Location, $"{memory.Path}: RAM of 0x{size:x} bytes at 0x{start:x} {(size == 0 ? "is empty" : "runs past the 32-bit physical address space (4 GiB) the simulated buses have")}: the first memory bank must be non-empty RAM below 4 GiB");
        }
        return new RamRegion(start, size);
    }

    /// <summary>The simulated buses carry 32-bit physical addresses.</summary>
    private const ulong PhysicalAddressSpace = 1UL << 32;
}
