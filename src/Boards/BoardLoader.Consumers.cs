using DmaActors.Actors.Devices;
using DmaActors.Api.OfDma;
using DmaActors.DeviceTree;

namespace DmaActors.Boards;

// Consumers: each enabled node with dmas is checked (every problem, not the first), then each of
// its dma-names is resolved to a provider and wired to a peripheral model, or deferred, or left
// without a peripheral, with the reason.
public static partial class BoardLoader
{
    private static List<BoardConsumerChannel> Consumers(DtTree tree, OfDmaLookup lookup, Dictionary<DtNode, string> names, List<BoardDmaProvider> providers,
        List<OfDmaBindingProblem> problems, BoardWiring wiring, int patternSeed)
    {
        var channels = new List<BoardConsumerChannel>();
        var byNode = providers.ToDictionary(p => p.Node);
        var consumers = tree.Nodes.Where(n => n.Parent is not null && n.Property("dmas") is not null && Enabled(n) && !byNode.ContainsKey(n)).ToList();
        var left = problems.Where(p => !p.KernelAccepts).Select(p => p.Consumer).ToHashSet();
        foreach (var consumer in consumers) problems.AddRange(lookup.Check(consumer));
        problems.AddRange(SharedLines(tree, lookup, consumers));
        int seed = patternSeed;
        foreach (var consumer in consumers)
        {
            string devName = names.GetValueOrDefault(consumer) ?? DtDeviceName.Of(consumer);
            var entries = OfDmaSpecifier.Parse(tree, consumer, new List<OfDmaBindingProblem>());
            foreach (var name in OfDmaSpecifier.NamesOf(consumer).Distinct())
            {
                var mine = entries.Where(e => e.Name == name).ToList();
                var first = mine.FirstOrDefault();
                var broken = left.Contains(consumer) || first is null
                    ? problems.FirstOrDefault(p => p.Consumer == consumer && !p.KernelAccepts)
                    : problems.FirstOrDefault(p => p.Consumer == consumer && !p.KernelAccepts && (p.Channel == name || p.Channel is null));
                if (broken is not null || first is null)
                {
                    channels.Add(new BoardConsumerChannel(consumer, devName, name, first?.Index ?? -1, first?.Controller, first?.Cells ?? [], null, null, null, BoardChannelState.Invalid,
                        broken?.ToString() ?? $"{consumer.Path} \"{name}\": no readable dmas specifier"));
                    continue;
                }
                // The entries a request could be served by, and why the others cannot.
                var usable = new List<(OfDmaSpecifier Entry, DtNode Controller, int? Line)>();
                string? deferral = null;
                foreach (var entry in mine)
                {
                    var provider = byNode.GetValueOrDefault(entry.Controller);
                    if (provider?.State == BoardProviderState.Registered) usable.Add((entry, entry.Controller, (int)entry.Cells[0]));
                    else if (provider is { State: BoardProviderState.Router, Master: { } master } && byNode.GetValueOrDefault(master)?.State == BoardProviderState.Registered)
                        usable.Add((entry, master, provider.Compatible == "ti,am335x-edma-crossbar" ? (int)entry.Cells[0] : null));
                    else deferral ??= DeferralOf(entry.Controller, provider, byNode);
                }
                if (usable.Count == 0)
                {
                    channels.Add(new BoardConsumerChannel(consumer, devName, name, first.Index, first.Controller, first.Cells, null, null, null, BoardChannelState.Deferred, deferral));
                    continue;
                }
                var (serving, controller, line) = usable[0];
                var profile = PeripheralProfiles.For(tree, consumer, name);
                if (profile is null)
                {
                    channels.Add(new BoardConsumerChannel(consumer, devName, name, serving.Index, serving.Controller, serving.Cells, controller, usable.Count == 1 ? line : null, null, BoardChannelState.NoPeripheral,
                        $"no peripheral model for {string.Join(", ", CompatiblesOf(consumer).DefaultIfEmpty("(no compatible)"))}"));
                    continue;
                }
                var peripheral = wiring.Add(consumer, devName, name, profile, new DataPattern((ulong)seed++));
                // One entry straight at a controller: the line is known now, the peripheral is wired now.
                bool now = usable.Count == 1 && byNode[serving.Controller].State == BoardProviderState.Registered;
                if (now) wiring.Wire(peripheral, controller, line!.Value, routedVia: null, actorName: $"{devName}-{name}");
                channels.Add(new BoardConsumerChannel(consumer, devName, name, serving.Index, serving.Controller, serving.Cells, controller, usable.Count == 1 ? line : null, profile.Name,
                    now ? BoardChannelState.Wired : BoardChannelState.WiredAtRequest, null));
            }
        }
        return channels;
    }

    private static string DeferralOf(DtNode provider, BoardDmaProvider? found, Dictionary<DtNode, BoardDmaProvider> byNode)
    {
        string Of(BoardDmaProvider p) => p.State switch
        {
            BoardProviderState.NotModelled => $"{p.DevName} ({p.Compatible}) is not a controller this simulator models",
            BoardProviderState.Disabled => $"{p.DevName} is disabled (status), so its driver never probes",
            BoardProviderState.Failed => $"{p.DevName} failed to probe: {p.Reason}",
            _ => $"{p.DevName} is not registered",
        };
        if (found is null) return $"{provider.Path} is not a DMA controller here: the kernel defers this consumer (EPROBE_DEFER)";
        if (found is { State: BoardProviderState.Router, Master: { } master })
        {
            var behind = byNode.GetValueOrDefault(master);
            return $"{found.DevName} routes to {(behind is null ? $"{master.Path}, which is not a DMA controller here" : $"{behind.DevName}; {Of(behind)}")}: the kernel defers this consumer (EPROBE_DEFER)";
        }
        return $"{Of(found)}: the kernel defers this consumer (EPROBE_DEFER)";
    }

    /// <summary>
    /// Request lines two consumers name on one controller (straight, or mapped to the same EDMA
    /// line through the AM335x crossbar): EDMA, PL08x and PL330 give one channel per line (their
    /// xlates pick the channel by number), so whichever asks second gets none (ENODEV); and a
    /// request line carries one peripheral's requests. The later consumer, in tree order, is reported.
    /// </summary>
    private static IEnumerable<OfDmaBindingProblem> SharedLines(DtTree tree, OfDmaLookup lookup, IReadOnlyList<DtNode> consumers)
    {
        var owner = new Dictionary<(DtNode Controller, uint Line), (DtNode Consumer, string Name)>();
        foreach (var consumer in consumers)
        {
            foreach (var entry in OfDmaSpecifier.Parse(tree, consumer, new List<OfDmaBindingProblem>()).Where(e => e.Name is not null && e.Cells.Count > 0))
            {
                DtNode? controller = null;
                if (lookup.RouterAt(entry.Controller) is Am335xEdmaCrossbar crossbar) controller = crossbar.Master;
                else if (lookup.ControllerAt(entry.Controller) is not null) controller = entry.Controller;
                if (controller is null) continue;
                var key = (controller, entry.Cells[0]);
                if (owner.TryGetValue(key, out var other) && other.Consumer != consumer)
                    yield return new OfDmaBindingProblem(consumer, entry.Name, "O-7", $"dmas entry {entry.Index} names request line {entry.Cells[0]} of {controller.Path}, which {other.Consumer.Path} \"{other.Name}\" names too: the controller has one channel per line, so whichever asks second gets none (ENODEV)", KernelAccepts: false);
                else owner.TryAdd(key, (consumer, entry.Name!));
            }
        }
    }
}
