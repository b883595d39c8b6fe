using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Completion;
using DmaActors.Runtime;

namespace DmaActors.Actors.Controller;

/// <summary>
/// A DMA controller (kernel twin: a registered <c>dma_device</c> and its hardware): the parent
/// and supervisor of its arbiter, physical channels, virtual channels and their completion actors.
/// </summary>
/// <remarks>
/// Supervision (<see cref="ByChild"/>), by what each child's state is worth:
/// - arbiter and completion actors: Resume (they keep their state; the failing message is dropped
///   and logged);
/// - physical channels: Restart (the failing instance reports its descriptor as aborted, the new
///   one takes the next);
/// - virtual channels: Restart (their lists and cookies live outside the instance, so nothing
///   queued is lost and work continues after the restart);
/// - a child that fails while starting: Stop.
/// </remarks>
public sealed class ControllerActor : ReceiveActor
{
    private readonly ControllerConfig _config;
    private readonly ControllerTopologyReply _topology;
    private readonly VirtualChannelPort?[] _ports;
    private readonly SimulatedWorld _world = Context.System.Simulation();
    private readonly PendingChannels? _waitingChannels;

    /// <summary>Builds the controller's shared actors from <paramref name="config"/>.</summary>
    public ControllerActor(ControllerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config.Validated();
        // Every child on the world's dispatcher (Akka would give it the default one, which in a
        // user's system is not the world's).
        var waiting = config.Multiplexing == ChannelMultiplexing.Dedicated ? null : new PendingChannels();
        _waitingChannels = waiting;
        var arbiter = Context.ActorOf(
            _world.OnWorld(Props.Create(() => new ControllerArbiterActor(new ArbiterSettings(config.Bus, config.Policy(), config.Multiplexing, config.QuantumBursts, config.CoalesceBursts) { WithoutStaleRequestChecks = config.WithoutStaleRequestChecks, FastForward = config.FastForward }, waiting))),
            "arbiter");
        // Attached here, not in the arbiter's constructor: a port may queue its channel before that runs.
        waiting?.AttachArbiter(arbiter);
        var physical = Enumerable.Range(0, config.PhysicalChannels)
            .Select(i => Context.ActorOf(PhysicalChannelProps(i, arbiter), $"ch{i}"))
            .ToArray();
        arbiter.Tell(new AttachPhysicalChannels(physical));
        var names = Enumerable.Range(0, config.VirtualChannels).Select(i => $"dma{config.Id}chan{i}").ToArray();
        _topology = new ControllerTopologyReply(arbiter, physical, names);
        _ports = new VirtualChannelPort?[config.VirtualChannels];
        Receive<GetControllerTopology>(_ => Sender.Tell(_topology));
        Receive<OpenVirtualChannel>(OnOpen);
        Receive<CloseVirtualChannel>(OnClose);
    }

    private Props PhysicalChannelProps(int index, IActorRef arbiter)
    {
        var memory = _config.BusView ?? _config.Memory;
        var faults = _config.Faults;
        bool withoutChecks = _config.WithoutStaleRequestChecks;
        return _world.OnWorld(FactoryProps.Of(() => new PhysicalChannelActor(index, arbiter, memory, faults) { IgnoresBindGenerations = withoutChecks }));
    }

    /// <inheritdoc/>
    protected override SupervisorStrategy SupervisorStrategy() => new ByChild(_topology.Arbiter);

    /// <summary>device_alloc_chan_resources: the port (actors started on the first open); a dedicated controller's arbiter binds a hardware thread and answers.</summary>
    private void OnOpen(OpenVirtualChannel open)
    {
        var port = Open(open.Index);
        if (_config.Multiplexing == ChannelMultiplexing.Dedicated) _topology.Arbiter.Forward(new BindHardwareThread(port.Channel, open.Index, port));
        else Sender.Tell(new OpenVirtualChannelReply(port));
    }

    /// <summary>device_free_chan_resources: a dedicated controller's hardware thread is freed.</summary>
    private void OnClose(CloseVirtualChannel close)
    {
        if (_config.Multiplexing != ChannelMultiplexing.Dedicated || (uint)close.Index >= (uint)_ports.Length || _ports[close.Index] is not { } port) return;
        _topology.Arbiter.Tell(new UnbindHardwareThread(port.Channel));
    }

    /// <summary>The channel's port, its actors started on the first open.</summary>
    private VirtualChannelPort Open(int index)
    {
        if ((uint)index >= (uint)_ports.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{_config.ActorName} has virtual channels 0..{_ports.Length - 1}.");
        if (_ports[index] is { } open) return open;
        string name = _topology.VirtualChannelNames[index];
        var port = new VirtualChannelPort(index, name, _config.ResidueGranularity, _world, _waitingChannels);
        var completion = Context.ActorOf(_world.OnWorld(Props.Create(() => new CompletionActor(port))), name + "-tasklet");
        var state = new VirtualChannelState(port, _topology.Arbiter, completion, _config.Multiplexing);
        port.Attach(Context.ActorOf(_world.OnWorld(VirtualChannelActor.PropsFor(state)), name));
        return _ports[index] = port;
    }

    /// <summary>The controller's decisions, per child.</summary>
    private sealed class ByChild(IActorRef arbiter) : OneForOneStrategy(Akka.Actor.SupervisorStrategy.DefaultDecider)
    {
        protected override Directive Handle(IActorRef child, Exception exception)
        {
            if (exception is ActorInitializationException) return Directive.Stop;
            bool keepsState = child.Equals(arbiter) || child.Path.Name.EndsWith("-tasklet", StringComparison.Ordinal);
            return keepsState ? Directive.Resume : Directive.Restart;
        }
    }
}
