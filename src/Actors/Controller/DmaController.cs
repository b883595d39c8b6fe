using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Runtime;

namespace DmaActors.Actors.Controller;

/// <summary>
/// A started controller: its actors, by role. Start one with <see cref="Start"/>; wire devices to
/// its request lines with <see cref="ConnectDevice"/>.
/// </summary>
public sealed class DmaController
{
    private DmaController(ActorSystem system, ControllerConfig config, IActorRef actor, ControllerTopology topology)
    {
        System = system;
        Config = config;
        Actor = actor;
        Topology = topology;
    }

    /// <summary>The system it runs in.</summary>
    public ActorSystem System { get; }

    /// <summary>Its configuration.</summary>
    public ControllerConfig Config { get; }

    /// <summary>The controller actor (parent of everything below).</summary>
    public IActorRef Actor { get; }

    /// <summary>Arbiter, physical and virtual channels.</summary>
    public ControllerTopology Topology { get; }

    /// <summary>The arbiter: devices send their DRQs here.</summary>
    public IActorRef Arbiter => Topology.Arbiter;

    /// <summary>Virtual channel <paramref name="index"/> (<c>dma{id}chan{index}</c>).</summary>
    public IActorRef Channel(int index) => Topology.VirtualChannels[index];

    /// <summary>The submitter of virtual channel <paramref name="index"/> (cookies without a round trip).</summary>
    public VirtualChannelSubmitter Submitter(int index) => Topology.Submitters[index];

    /// <summary>Builds the controller's actors under <c>/user/{name}</c> and waits until they exist.</summary>
    /// <exception cref="ArgumentException">The configuration is inconsistent (the message says how).</exception>
    public static DmaController Start(ActorSystem system, ControllerConfig config)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(config);
        config = config.Validated();
        var actor = system.ActorOf(Props.Create(() => new ControllerActor(config)), config.ActorName);
        var topology = actor.AskBlocking<ControllerTopology>(QueryTopology.Instance);
        return new DmaController(system, config, actor, topology);
    }

    /// <summary>Wires <paramref name="device"/> to request line <paramref name="line"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The controller has no such line.</exception>
    public void ConnectDevice(int line, IActorRef device)
    {
        if (line < 0 || line >= Config.RequestLines)
            throw new ArgumentOutOfRangeException(nameof(line), line, $"{Config.ActorName} has request lines 0..{Config.RequestLines - 1}.");
        Arbiter.Tell(new ConnectDevice(line, device));
    }
}
