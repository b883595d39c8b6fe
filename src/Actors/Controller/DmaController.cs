using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Runtime;

namespace DmaActors.Actors.Controller;

/// <summary>
/// A started controller: its actors, by role. Start one with <see cref="Start"/>; open a virtual
/// channel (its actors are made then) with <see cref="Open"/>; wire devices to its request lines
/// with <see cref="ConnectDevice"/>.
/// </summary>
public sealed class DmaController
{
    private readonly VirtualChannelPort?[] _ports;

    private DmaController(SimulatedWorld world, ControllerConfig config, IActorRef actor, ControllerTopologyReply topology)
    {
        World = world;
        Config = config;
        Actor = actor;
        Topology = topology;
        _ports = new VirtualChannelPort?[config.VirtualChannels];
    }

    /// <summary>The simulated world it runs in.</summary>
    public SimulatedWorld World { get; }

    /// <summary>Its configuration.</summary>
    public ControllerConfig Config { get; }

    /// <summary>The controller actor (parent of everything below).</summary>
    public IActorRef Actor { get; }

    /// <summary>Arbiter, physical channels, and the names of the virtual channels.</summary>
    public ControllerTopologyReply Topology { get; }

    /// <summary>The arbiter: devices send their DRQs here.</summary>
    public IActorRef Arbiter => Topology.Arbiter;

    /// <summary>The name of virtual channel <paramref name="index"/> (<c>dma{id}chan{index}</c>), opened or not.</summary>
    public string ChannelName(int index) => Topology.VirtualChannelNames[index];

    /// <summary>
    /// Virtual channel <paramref name="index"/>'s port, allocating the channel if it is not open
    /// (<c>device_alloc_chan_resources</c>: its actors are made on the first open; a dedicated
    /// controller binds it to a free hardware thread, V-20).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The controller has no such channel.</exception>
    /// <exception cref="ChannelAllocationException">A dedicated controller has no free hardware thread (ENOMEM).</exception>
    /// <exception cref="ActorDeadlockException">Called from inside an actor while the channel is not open.</exception>
    public VirtualChannelPort Open(int index)
    {
        if ((uint)index >= (uint)_ports.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Config.ActorName} has virtual channels 0..{_ports.Length - 1}.");
        if (Volatile.Read(ref _ports[index]) is { } open) return open;
        var port = World.AskBlocking<object>(Actor, new OpenVirtualChannel(index)) switch
        {
            OpenVirtualChannelReply opened => opened.Port,
            OpenVirtualChannelRefusedReply refused => throw new ChannelAllocationException(refused.Errno, refused.Reason),
            var other => throw new InvalidOperationException($"{Config.ActorName} answered an open with {other}."),
        };
        return Interlocked.CompareExchange(ref _ports[index], port, null) ?? port;
    }

    /// <summary>
    /// Gives virtual channel <paramref name="index"/> back (<c>device_free_chan_resources</c>, after
    /// the client terminated and synchronized it): a dedicated controller frees its hardware
    /// thread. The next <see cref="Open"/> allocates it again; its actors and port stay.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The controller has no such channel.</exception>
    public void Close(int index)
    {
        if ((uint)index >= (uint)_ports.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Config.ActorName} has virtual channels 0..{_ports.Length - 1}.");
        if (Interlocked.Exchange(ref _ports[index], null) is not null) Actor.Tell(new CloseVirtualChannel(index));
    }

    /// <summary>Virtual channel <paramref name="index"/>'s actor (<c>dma{id}chan{index}</c>), opening the channel if nobody has.</summary>
    public IActorRef Channel(int index) => Open(index).Channel;

    /// <summary>Builds the controller's shared actors in <paramref name="system"/>'s simulated world and waits until they exist.</summary>
    /// <exception cref="ArgumentException">The configuration is inconsistent (the message says how).</exception>
    public static DmaController Start(ActorSystem system, ControllerConfig config)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(config);
        config = config.Validated();
        var world = system.Simulation();
        var actor = world.ActorOf(Props.Create(() => new ControllerActor(config)), config.ActorName);
        var topology = world.AskBlocking<ControllerTopologyReply>(actor, GetControllerTopology.Instance);
        return new DmaController(world, config, actor, topology);
    }

    /// <summary>Wires <paramref name="device"/> to request line <paramref name="line"/>.</summary>
    /// <param name="line">The request line.</param>
    /// <param name="device">The device actor.</param>
    /// <param name="fifoAddress">The bus address of its FIFO register for the line's direction; slave descriptors on the line must name it (DA-1). Null: unknown, not checked.</param>
    /// <exception cref="ArgumentOutOfRangeException">The controller has no such line.</exception>
    public void ConnectDevice(int line, IActorRef device, ulong? fifoAddress = null)
    {
        if (line < 0 || line >= Config.RequestLines)
            throw new ArgumentOutOfRangeException(nameof(line), line, $"{Config.ActorName} has request lines 0..{Config.RequestLines - 1}.");
        Arbiter.Tell(new ConnectDevice(line, device) { FifoAddress = fifoAddress });
    }
}
