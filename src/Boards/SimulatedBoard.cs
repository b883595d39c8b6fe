using Akka.Actor;
using DmaActors.Api;
using DmaActors.Api.OfDma;
using DmaActors.DeviceTree;
using DmaActors.Runtime;

namespace DmaActors.Boards;

/// <summary>A device tree brought up: the engine, its controllers and the simulated peripherals of its consumers.</summary>
public sealed class SimulatedBoard(ActorSystem system, DtTree tree, DmaEngine engine, OfDmaLookup lookup, IReadOnlyList<BoardController> controllers, IReadOnlyList<BoardPeripheral> peripherals)
{
    /// <summary>The actor system it runs in.</summary>
    public ActorSystem System { get; } = system;

    /// <summary>The simulated world of <see cref="System"/>: its clock, and the calls that drive it.</summary>
    public SimulatedWorld World => System.Simulation();

    /// <summary>The tree it came from.</summary>
    public DtTree Tree { get; } = tree;

    /// <summary>The dmaengine core (channel requests go here).</summary>
    public DmaEngine Engine { get; } = engine;

    /// <summary>The device-tree channel lookup plugged into <see cref="Engine"/>.</summary>
    public OfDmaLookup Lookup { get; } = lookup;

    /// <summary>Registered controllers, in tree order.</summary>
    public IReadOnlyList<BoardController> Controllers { get; } = controllers;

    /// <summary>Simulated peripheral streams, in tree order.</summary>
    public IReadOnlyList<BoardPeripheral> Peripherals { get; } = peripherals;
}
