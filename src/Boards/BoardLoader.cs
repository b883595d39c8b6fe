using Akka.Actor;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Memory;
using DmaActors.Api;
using DmaActors.Api.OfDma;
using DmaActors.Api.Provider;
using DmaActors.DeviceTree;
using DmaActors.Runtime;

namespace DmaActors.Boards;

/// <summary>
/// Brings a device tree up as the kernel's probe would: every DMA controller node with a known
/// <c>compatible</c> becomes a registered dmaengine device (<c>dma_async_device_register</c>) and
/// an <c>of_dma</c> controller; every consumer with <c>dmas</c> + <c>dma-names</c> and a known
/// compatible gets a simulated peripheral on each request line it names.
/// </summary>
public static class BoardLoader
{
    /// <summary>Default RAM when the tree has no <c>/memory</c> node: 512 MiB at 0x80000000 (AM335x DDR).</summary>
    public static readonly RamRegion DefaultRam = new(0x8000_0000, 512UL << 20);

    /// <summary>Loads <paramref name="tree"/> into <paramref name="system"/>.</summary>
    /// <exception cref="DmaException">A controller or consumer node is inconsistent (the message names it).</exception>
    public static SimulatedBoard Load(ActorSystem system, DtTree tree, int patternSeed = 1)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(tree);
        var memory = new PhysicalMemory(32, [RamOf(tree)]);
        var engine = new DmaEngine(system, memory);
        var lookup = new OfDmaLookup(tree);
        engine.ChannelLookup = lookup;
        var controllers = new List<BoardController>();
        foreach (var node in tree.Nodes)
        {
            var compatible = node.Property("compatible")?.Strings().FirstOrDefault(ControllerPresets.Compatibles.Contains);
            if (compatible is null || node.Property("status")?.Text() is "disabled") continue;
            var preset = ControllerPresets.ForCompatible(compatible, memory)!;
            var device = engine.DmaAsyncDeviceRegister(Describe(node, compatible, preset));
            if (node.Property("#dma-cells") is not null) lookup.OfDmaControllerRegister(node, device, XlateOf(compatible));
            controllers.Add(new BoardController(node, device, compatible));
        }
        foreach (var node in tree.Nodes.Where(n => n.IsCompatible("ti,dra7-dma-crossbar")))
        {
            lookup.OfDmaRouterRegister(new Dra7DmaCrossbar(tree, node));
        }
        var peripherals = new List<BoardPeripheral>();
        int seed = patternSeed;
        foreach (var node in tree.Nodes.Where(n => n.Property("dmas") is not null && n.Property("status")?.Text() is not "disabled"))
        {
            foreach (var name in node.Property("dma-names")?.Strings() ?? [])
            {
                if (PeripheralProfiles.For(node, name) is not { } profile) continue;
                var (controllerNode, cells) = lookup.SpecifierOf(node, name);
                // Behind a crossbar the request line is chosen when the channel is requested:
                // such consumers get channels, but no pre-wired simulated peripheral.
                if (controllerNode.IsCompatible("ti,dra7-dma-crossbar")) continue;
                var controller = controllers.Find(c => c.Node == controllerNode)
                    ?? throw new DmaException("EPROBE_DEFER", "O-3", $"{node.Path} \"{name}\": {controllerNode.Path} is not a DMA controller this simulator models (compatibles: {string.Join(", ", ControllerPresets.Compatibles)}).");
                int line = (int)cells[0];
                var pattern = new DataPattern((ulong)seed++);
                var devName = DevName(node);
                var actor = system.Simulation().ActorOf(SlaveDeviceActor.PropsFor(profile, line, controller.Device.Arbiter, pattern), $"{devName}-{name}");
                controller.Device.ConnectDevice(line, actor);
                peripherals.Add(new BoardPeripheral(node, devName, name, line, PeripheralProfiles.DirectionOf(name), profile, actor, pattern));
            }
        }
        return new SimulatedBoard(system, tree, engine, lookup, controllers, peripherals);
    }

    /// <summary>The Linux device name of a platform device node: <c>&lt;unit-address&gt;.&lt;name&gt;</c>, or the name.</summary>
    public static string DevName(DtNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.UnitAddress is { } unit ? $"{unit}.{node.BaseName}" : node.Name;
    }

    private static OfDmaXlate XlateOf(string compatible) => compatible switch
    {
        "ti,edma3-tpcc" => OfDmaXlate.Edma,
        "dmactors,memcpy-engine" => OfDmaXlate.ByChannelId,
        _ => OfDmaXlate.Simple,
    };

    private static DmaDeviceDescription Describe(DtNode node, string compatible, ControllerConfig preset)
    {
        bool slave = preset.RequestLines > 0;
        var widths = DmaBuswidths.Mask(DmaSlaveBuswidth.Bytes1, DmaSlaveBuswidth.Bytes2, DmaSlaveBuswidth.Bytes4);
        return new DmaDeviceDescription
        {
            Dev = DevName(node),
            CapMask = DmaCapMask.Memcpy | DmaCapMask.Memset | (slave ? DmaCapMask.Slave | DmaCapMask.Cyclic : 0),
            Directions = slave ? DmaDirections.MemToDev | DmaDirections.DevToMem : 0,
            SrcAddrWidths = widths,
            DstAddrWidths = widths,
            MinBurst = 1,
            MaxBurst = compatible == "arm,pl080" ? 256 : 16,
            ResidueGranularity = (DmaResidueGranularity)(int)preset.ResidueGranularity,
            DescriptorReuse = true,
            ChannelCount = (int)(node.Property("dma-channels")?.Cell() ?? (uint)preset.VirtualChannels),
            PhysicalChannels = (int)(node.Property("dmactors,physical-channels")?.Cell() ?? (uint)preset.PhysicalChannels),
            RequestLines = (int)(node.Property("dma-requests")?.Cell() ?? (uint)preset.RequestLines),
            Policy = node.Property("dmactors,arbitration")?.Text() is { } policy ? ArbitrationPolicies.Named(policy, node) : preset.Policy,
            Bus = preset.Bus,
            Multiplexing = preset.Multiplexing,
            CoalesceBursts = node.Property("dmactors,no-burst-coalescing") is null,
        };
    }

    private static RamRegion RamOf(DtTree tree)
    {
        var memory = tree.Nodes.FirstOrDefault(n => n.Property("device_type")?.Text() == "memory" || n.BaseName == "memory");
        if (memory?.Property("reg")?.Cells() is [var start, var size, ..]) return new RamRegion(start, size);
        return DefaultRam;
    }
}
