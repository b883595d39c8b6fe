using Akka.Actor;
using DmaActors.Api;
using DmaActors.Api.OfDma;
using DmaActors.DeviceTree;
using DmaActors.Runtime;

namespace DmaActors.Boards;

/// <summary>
/// A device tree brought up: the engine, its controllers and routers, the simulated peripherals
/// of its consumers, and everything that was left out and why (deferrals, binding problems).
/// </summary>
public sealed class SimulatedBoard
{
    internal SimulatedBoard(ActorSystem system, DtTree tree, DmaEngine engine, OfDmaLookup lookup, IReadOnlyList<BoardController> controllers, IReadOnlyList<BoardPeripheral> peripherals,
        IReadOnlyList<BoardDmaProvider> providers, IReadOnlyList<BoardConsumerChannel> channels, IReadOnlyList<OfDmaBindingProblem> problems)
    {
        System = system;
        Tree = tree;
        Engine = engine;
        Lookup = lookup;
        Controllers = controllers;
        Peripherals = peripherals;
        Providers = providers;
        Channels = channels;
        Problems = problems;
    }

    /// <summary>The actor system it runs in.</summary>
    public ActorSystem System { get; }

    /// <summary>The simulated world of <see cref="System"/>: its clock, and the calls that drive it.</summary>
    public SimulatedWorld World => System.Simulation();

    /// <summary>The tree it came from.</summary>
    public DtTree Tree { get; }

    /// <summary>The dmaengine core (channel requests go here).</summary>
    public DmaEngine Engine { get; }

    /// <summary>The device-tree channel lookup plugged into <see cref="Engine"/>.</summary>
    public OfDmaLookup Lookup { get; }

    /// <summary>Registered controllers, in tree order.</summary>
    public IReadOnlyList<BoardController> Controllers { get; }

    /// <summary>Simulated peripheral streams, in tree order (those behind a router are wired when requested).</summary>
    public IReadOnlyList<BoardPeripheral> Peripherals { get; }

    /// <summary>Every DMA controller and router node, in tree order, with what became of it.</summary>
    public IReadOnlyList<BoardDmaProvider> Providers { get; }

    /// <summary>Every <c>dma-names</c> entry of every enabled consumer, resolved, in tree order.</summary>
    public IReadOnlyList<BoardConsumerChannel> Channels { get; }

    /// <summary>Every binding problem found at load (errors and warnings), with node path and rule.</summary>
    public IReadOnlyList<OfDmaBindingProblem> Problems { get; }

    /// <summary>The problems a request would fail on (the kernel would not accept them either).</summary>
    public IEnumerable<OfDmaBindingProblem> Errors => Problems.Where(p => !p.KernelAccepts);

    /// <summary>Channels left out because their provider is not modelled, absent, disabled or failed.</summary>
    public IEnumerable<BoardConsumerChannel> Deferrals => Channels.Where(c => c.State == BoardChannelState.Deferred);
}
