using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Memory;
using DmaActors.Api;
using DmaActors.Api.OfDma;
using DmaActors.Api.Provider;
using DmaActors.DeviceTree;

namespace DmaActors.Boards;

// DMA controllers and routers: every node with #dma-cells (or a modelled controller compatible),
// in tree order, each registered, refused, or left out with the reason.
public static partial class BoardLoader
{
    /// <summary>The routers modelled, by compatible.</summary>
    public static IReadOnlyList<string> RouterCompatibles { get; } = ["ti,dra7-dma-crossbar", "ti,am335x-edma-crossbar"];

    private static (List<BoardDmaProvider> Providers, List<BoardController> Controllers) Providers(DtTree tree, DmaEngine engine, OfDmaLookup lookup, Dictionary<DtNode, string> names)
    {
        var providers = new List<BoardDmaProvider>();
        var controllers = new List<BoardController>();
        foreach (var node in tree.Nodes.Where(n => n.Parent is not null))
        {
            var compatibles = CompatiblesOf(node);
            var preset = compatibles.FirstOrDefault(ControllerPresets.Compatibles.Contains);
            var router = compatibles.FirstOrDefault(RouterCompatibles.Contains);
            if (node.Property("#dma-cells") is null && preset is null) continue;
            string devName = names.GetValueOrDefault(node) ?? DtDeviceName.Of(node);
            string compatible = preset ?? router ?? (compatibles.Count > 0 ? compatibles[0] : "(no compatible)");
            if (!Enabled(node))
            {
                providers.Add(new BoardDmaProvider(node, devName, compatible, BoardProviderState.Disabled, null, "status is not \"okay\": its driver never probes", 0, 0, null));
                continue;
            }
            if (router is not null)
            {
                providers.Add(RegisterRouter(tree, node, devName, router, lookup));
                continue;
            }
            if (preset is null)
            {
                providers.Add(new BoardDmaProvider(node, devName, compatible, BoardProviderState.NotModelled, null,
                    $"no model for {string.Join(", ", compatibles.DefaultIfEmpty("(no compatible)"))} (modelled: {string.Join(", ", ControllerPresets.Compatibles.Concat(RouterCompatibles))})", 0, 0, null));
                continue;
            }
            DmaDevice? device = null;
            try
            {
                var config = ControllerPresets.ForCompatible(preset, engine.Memory)!;
                device = engine.DmaAsyncDeviceRegister(Describe(node, devName, preset, config));
                if (node.Property("#dma-cells") is not null) lookup.OfDmaControllerRegister(node, device, XlateOf(preset));
                controllers.Add(new BoardController(node, device, preset));
                providers.Add(new BoardDmaProvider(node, devName, preset, BoardProviderState.Registered, ModelOf(preset), null, device.Description.ChannelCount, device.Description.RequestLines, null));
            }
            catch (DmaException refused)
            {
                if (device is not null) engine.DmaAsyncDeviceUnregister(device);
                providers.Add(new BoardDmaProvider(node, devName, preset, BoardProviderState.Failed, ModelOf(preset), refused.Message, 0, 0, null));
            }
        }
        return (providers, controllers);
    }

    private static BoardDmaProvider RegisterRouter(DtTree tree, DtNode node, string devName, string compatible, OfDmaLookup lookup)
    {
        try
        {
            IDmaRouter router = compatible == "ti,dra7-dma-crossbar" ? new Dra7DmaCrossbar(tree, node) : new Am335xEdmaCrossbar(tree, node);
            lookup.OfDmaRouterRegister(router);
            int inputs = (int)(node.Property("dma-requests") is { Value.Length: 4 } r ? r.Cell() : compatible == "ti,dra7-dma-crossbar" ? 256u : 64u);
            return new BoardDmaProvider(node, devName, compatible, BoardProviderState.Router, compatible, null, 0, inputs, router.Master);
        }
        catch (DmaException refused)
        {
            return new BoardDmaProvider(node, devName, compatible, BoardProviderState.Failed, compatible, refused.Message, 0, 0, null);
        }
    }

    private static OfDmaXlate XlateOf(string compatible) => compatible switch
    {
        "ti,edma3-tpcc" => OfDmaXlate.Edma,
        "arm,pl080" or "arm,pl081" => OfDmaXlate.Pl08x,
        "dmactors,memcpy-engine" => OfDmaXlate.ByChannelId,
        _ => OfDmaXlate.Simple,
    };

    private static string ModelOf(string compatible) => compatible switch
    {
        "ti,edma3-tpcc" => "TI EDMA3 (AM335x)",
        "arm,pl330" => "ARM PL330",
        "arm,pl080" => "ARM PL080",
        "arm,pl081" => "ARM PL081",
        "dmactors,memcpy-engine" => "memcpy engine",
        _ => compatible,
    };

    private static DmaDeviceDescription Describe(DtNode node, string devName, string compatible, ControllerConfig preset)
    {
        bool slave = preset.RequestLines > 0;
        var widths = DmaBuswidths.Mask(DmaSlaveBuswidth.Bytes1, DmaSlaveBuswidth.Bytes2, DmaSlaveBuswidth.Bytes4);
        int channels = (int)(Cell(node, "dma-channels") ?? (uint)preset.VirtualChannels);
        // EDMA serves memcpy only on the channels ti,edma-memcpy-channels lists; without it the
        // kernel says "memcpy is disabled" and the device has no DMA_MEMCPY.
        IReadOnlyList<int>? memcpyChannels = compatible == "ti,edma3-tpcc" ? [.. (node.Property("ti,edma-memcpy-channels")?.Cells() ?? []).Select(c => (int)c)] : null;
        bool memcpy = memcpyChannels is not { Count: 0 };
        return new DmaDeviceDescription
        {
            Dev = devName,
            CapMask = (memcpy ? DmaCapMask.Memcpy | DmaCapMask.Memset : 0) | (slave ? DmaCapMask.Slave | DmaCapMask.Cyclic : 0),
            Directions = slave ? DmaDirections.MemToDev | DmaDirections.DevToMem : 0,
            SrcAddrWidths = widths,
            DstAddrWidths = widths,
            MinBurst = 1,
            MaxBurst = compatible is "arm,pl080" or "arm,pl081" ? 256 : 16,
            ResidueGranularity = preset.ResidueGranularity,
            DescriptorReuse = true,
            ChannelCount = channels,
            MemcpyChannels = memcpyChannels,
            // PL08x bus masters (amba-pl08x.c): the PL080 has two AHB masters, the PL081 one;
            // memory is reachable through those mem-bus-interface-ahb1/2 name (none named: both).
            AhbMasters = compatible switch { "arm,pl080" => 2, "arm,pl081" => 1, _ => 0 },
            MemBuses = MemBusesOf(node),
            PhysicalChannels = (int)(PhysicalChannelsOf(node) ?? (uint)preset.PhysicalChannels),
            RequestLines = (int)(Cell(node, "dma-requests") ?? (uint)preset.RequestLines),
            Policy = node.Property("dmactors,arbitration")?.Text() is { } policy ? ArbitrationPolicies.Named(policy, node)
                : compatible == "ti,edma3-tpcc" ? EdmaQueues(node, channels) : preset.Policy,
            Bus = preset.Bus,
            Multiplexing = preset.Multiplexing,
            CoalesceBursts = node.Property("dmactors,no-burst-coalescing") is null,
        };
    }

    /// <summary>
    /// EDMA's event queues with the priorities of <c>ti,tptcs = &lt;&amp;tc prio&gt;, …</c> (queue i
    /// is TC i; 0 is the highest priority), AM335x's 7, 5, 0 without it; every channel starts on
    /// the default queue, the lowest-priority one, as edma.c assigns them (memcpy channels stay there).
    /// </summary>
    private static Func<ArbitrationPolicy> EdmaQueues(DtNode node, int channels)
    {
        int[] priorities = node.Property("ti,tptcs") is { Value.Length: > 0 } tptcs && tptcs.Value.Length % 8 == 0
            ? [.. tptcs.Cells().Where((_, i) => i % 2 == 1).Select(p => (int)Math.Min(p, 7u))]
            : [7, 5, 0];
        int lowest = Array.IndexOf(priorities, priorities.Max());
        return () => ArbitrationPolicy.Edma3(queueOfChannel: Enumerable.Repeat(lowest, channels).ToArray(), queuePriority: priorities);
    }

    private static int MemBusesOf(DtNode node)
    {
        int buses = (node.Property("mem-bus-interface-ahb1") is not null ? 1 : 0) | (node.Property("mem-bus-interface-ahb2") is not null ? 2 : 0);
        return buses == 0 ? 3 : buses;
    }

    private static uint? Cell(DtNode node, string name) => node.Property(name) is { Value.Length: 4 } p ? p.Cell() : null;

    /// <summary>The most physical channels a controller may be given (a PL080 or PL330 has 8; 65,536 took 345 MB).</summary>
    private const uint MaxPhysicalChannels = 256;

    /// <summary><c>dmactors,physical-channels</c>, which must be 1 to <see cref="MaxPhysicalChannels"/>; null when absent.</summary>
    /// <exception cref="DtsSyntaxException">The value is 0 or past the limit, at the property's file:line:column with the node path and the limit.</exception>
    internal static uint? PhysicalChannelsOf(DtNode node)
    {
        if (node.Property("dmactors,physical-channels") is not { } property) return null;
        uint value = property.Cell();
        if (value is 0 or > MaxPhysicalChannels)
            throw new DtsSyntaxException(property.Location, $"{node.Path}: dmactors,physical-channels = <{value}> must be 1 to {MaxPhysicalChannels} (a PL080 or PL330 has 8); refused before the run");
        return value;
    }

    private static IReadOnlyList<string> CompatiblesOf(DtNode node) =>
        node.Property("compatible") is { IsEmpty: false } c && c.Value[^1] == 0 ? c.Strings() : [];
}
