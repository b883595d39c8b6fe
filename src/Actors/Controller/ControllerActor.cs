using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Completion;
using DmaActors.Runtime;
using DmaActors.Runtime.Supervision;

namespace DmaActors.Actors.Controller;

/// <summary>
/// A DMA controller (kernel twin: a registered <c>dma_device</c> and its hardware): the parent
/// and supervisor of its arbiter, physical channels, virtual channels and their completion actors.
/// </summary>
/// <remarks>
/// Supervision, by what each child's state is worth:
/// - arbiter and completion actors: Resume (they keep their state; the failing message is dropped
///   and logged);
/// - physical channels: Restart (the failing instance reports its descriptor as aborted, the new
///   one takes the next);
/// - virtual channels: Restart (their lists and cookies live outside the instance, so nothing
///   queued is lost and work continues after the restart).
/// </remarks>
public sealed class ControllerActor : Actor
{
    private readonly ControllerTopology _topology;

    /// <summary>Builds the controller's actors from <paramref name="config"/>.</summary>
    public ControllerActor(ControllerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config = config.Validated();
        var arbiter = Context.Spawn(
            Props.Create(() => new ControllerArbiterActor(new ArbiterSettings(config.Bus, config.Policy(), config.Multiplexing, config.QuantumBursts, config.CoalesceBursts))),
            "arbiter");
        var physical = Enumerable.Range(0, config.PhysicalChannels)
            .Select(i => Context.Spawn(Props.Create(() => new PhysicalChannelActor(i, arbiter, config.BusView ?? config.Memory, config.Faults)), $"ch{i}"))
            .ToArray();
        arbiter.Tell(new AttachPhysicalChannels(physical));
        var names = Enumerable.Range(0, config.VirtualChannels).Select(i => $"dma{config.Id}chan{i}").ToArray();
        var submitters = names.Select((name, index) =>
        {
            var epoch = new CallbackEpoch();
            var completion = Context.Spawn(Props.Create(() => new CompletionActor(name, epoch)), name + "-tasklet");
            var state = new VirtualChannelState(index, name, arbiter, completion, epoch, config.ResidueGranularity);
            return new VirtualChannelSubmitter(Context.Spawn(VirtualChannelActor.PropsFor(state), name), state.Cookies);
        }).ToArray();
        _topology = new ControllerTopology(arbiter, physical, [.. submitters.Select(s => s.Channel)], names, submitters);
        Receive<QueryTopology>(_ => Sender.Tell(_topology));
    }

    /// <inheritdoc/>
    protected override SupervisorStrategy SupervisorStrategy => new OneForOneStrategy(childDecider: Decide);

    private Directive Decide(IActorRef child, Exception cause)
    {
        if (cause is ActorInitializationException) return Directive.Stop;
        bool keepsState = child.Equals(_topology.Arbiter) || child.Path.EndsWith("-tasklet", StringComparison.Ordinal);
        return keepsState ? Directive.Resume : Directive.Restart;
    }
}
