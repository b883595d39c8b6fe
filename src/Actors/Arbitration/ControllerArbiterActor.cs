using Akka.Actor;
using Akka.Event;
using DmaActors.Actors.Channels;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Arbitration;

/// <summary>
/// The DMA controller's arbiter (kernel twin: the arbitration inside a <c>dma_device</c>'s
/// hardware, and virt-dma's device tasklet that hands physical channels to waiting virtual ones).
/// Owns the bus: one burst at a time, granted by the policy at every burst boundary, busy for the
/// burst's cycles in virtual time. Also routes DRQ lines to the physical channel serving them.
/// </summary>
/// <remarks>
/// State transitions of the bus:
///   idle --RequestBus--> granted (BusGranted sent, BusFree timer at the burst's end)
///   granted --BusFree / DeclineGrant--> idle, then re-arbitrate among pending requests.
///   idle --RequestBus, sole requester--> train (see the .Trains partial) --cut / BusFree--> granted / idle.
/// A request arriving while the bus is busy waits for the next boundary; a channel that wants
/// back-to-back bursts re-requests as soon as it has moved its data, which is before the
/// boundary in virtual time, so it competes for the very next grant.
/// Every message it handles is registered in the constructor; handing physical channels to
/// virtual ones is in the .Assignment partial, DRQ routing in .RequestLines, coalesced bursts in .Trains.
/// </remarks>
public sealed partial class ControllerArbiterActor : ReceiveActor
{
    /// <summary>Posts the bus-free tick to the arbiter; static, so starting the bus timer allocates no closure.</summary>
    private static readonly Action<object?> PostBusFree = static state => ((IActorRef)state!).Tell(BusFree.Instance);

    private readonly ArbiterSettings _settings;
    private IActorRef[] _channels = [];

    /// <summary>Pending request per channel: bytes (0 = none), arrival sequence, and the run a train could come from.</summary>
    private (int Bytes, long Arrival, Channels.DescriptorRun? Train, int Passes)[] _requests = [];
    private readonly List<BusRequestView> _pending = [];
    private long _arrivals;

    private readonly SimulatedWorld _world;
    private readonly IClock _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>One timer for the end of the current grant, started again for every grant (no allocation per burst).</summary>
    private IClockTimer? _busTimer;
    private bool _busTimerArmed;

    /// <summary>The last single-burst grant sent to each channel: re-sent while its size and duration stay the same.</summary>
    private BusGranted?[] _grants = [];

    /// <summary>Ticks already queued for grants that were declined (their timer fired before the decline): ignore that many.</summary>
    private int _staleTicks;
    private int _grantedChannel = -1;
    private long[] _bytesGranted = [];
    private long[] _grantsMade = [];
    private long _busyNanoseconds;

    private readonly PendingChannels _waitingChannels;
    private readonly Func<IActorRef, bool> _isNotOwner;

    /// <summary>Creates the arbiter; physical channels are attached by the controller right after.</summary>
    /// <param name="settings">How it arbitrates.</param>
    /// <param name="pending">The controller's queue of waiting virtual channels, shared with their ports and attached to this arbiter by whoever made both (null: one of its own).</param>
    public ControllerArbiterActor(ArbiterSettings settings, PendingChannels? pending = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings with { Bus = settings.Bus.Validated() };
        if (pending is null)
        {
            pending = new PendingChannels();
            pending.AttachArbiter(Self);
        }
        _waitingChannels = pending;
        _isNotOwner = channel => !IsOwner(channel);
        _world = Context.System.Simulation();
        _clock = _world.Clock;
        // Controller
        Receive<AttachPhysicalChannels>(OnAttach);
        Receive<AssignEventQueue>(OnAssignEventQueue);
        Receive<GetArbiterStats>(_ => Sender.Tell(Stats()));
        // Physical channels: the bus
        Receive<RequestBus>(OnRequestBus);
        Receive<WithdrawBusRequest>(w => SetRequest(w.Channel, 0));
        Receive<DeclineGrant>(OnDeclineGrant);
        Receive<StopBusTrain>(OnStopTrain);
        Receive<BusFree>(OnBusFree);
        // Virtual channels: physical channels
        Receive<RequestPhysicalChannel>(r => Enqueue(r.VirtualChannel));
        Receive<ChannelsPending>(_ => OnChannelsPending());
        Receive<BindHardwareThread>(OnBindThread);
        Receive<UnbindHardwareThread>(OnUnbindThread);
        Receive<CancelPhysicalChannelRequest>(c => _waitingChannels.Remove(c.VirtualChannel));
        Receive<ReleasePhysicalChannel>(OnRelease);
        // Devices and physical channels: request lines
        Receive<ConnectDevice>(OnConnect);
        Receive<BindRequestLine>(OnBind);
        Receive<UnbindRequestLine>(OnUnbind);
        Receive<FlushAcknowledged>(OnFlushAcknowledged);
        Receive<DrqRaised>(OnDrq);
    }

    private bool BusBusy => _grantedChannel >= 0;

    private IClockTimer BusTimer => _busTimer ??= _clock.CreateTimer(PostBusFree, Self);

    private void OnAttach(AttachPhysicalChannels attach)
    {
        _channels = [.. attach.Channels];
        _requests = new (int, long, Channels.DescriptorRun?, int)[_channels.Length];
        _grants = new BusGranted?[_channels.Length];
        _bytesGranted = new long[_channels.Length];
        _grantsMade = new long[_channels.Length];
        InitialiseAssignment(_channels.Length);
    }

    private void OnAssignEventQueue(AssignEventQueue assign)
    {
        // A queue change may change who wins: a running train ends at the next burst boundary.
        if (_train is { } train) CutTrain(train.Schedule.StartedBy(_clock), byChannel: false);
        // A bad queue number is a board-description error: reported, and the arbiter carries on.
        if (_settings.Policy is EventQueuePolicy queues && !queues.TrySetQueue(assign.Channel, assign.Queue))
            _log.Error("Channel {0} asked for event queue {1}, but there are queues 0..{2}", assign.Channel, assign.Queue, queues.QueueCount - 1);
    }

    private void OnRequestBus(RequestBus request)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Bytes, nameof(request));
        // Someone else wants the bus: a running train ends at the next burst boundary.
        if (_train is { } train && train.Channel != request.Channel) CutTrain(train.Schedule.StartedBy(_clock), byChannel: false);
        SetRequest(request.Channel, request.Bytes, request.Train, request.BusPasses);
        if (!BusBusy) GrantNext();
    }

    private void OnDeclineGrant(DeclineGrant decline)
    {
        if (decline.Channel != _grantedChannel) return;
        // The burst never happened: the bus is free now, not at the end of the granted burst. If
        // its timer already fired, its tick is on the way: ignore it when it comes.
        StopBusTimer();
        // A declined train counts as one declined burst, as a declined single grant does.
        if (_train is { } train && train.Channel == decline.Channel) EndTrain(1);
        _grantedChannel = -1;
        GrantNext();
    }

    private void OnBusFree(BusFree free)
    {
        if (_staleTicks > 0)
        {
            _staleTicks--;
            return;
        }
        _busTimerArmed = false;
        if (_train is { } train) FinishTrain(train);
        _grantedChannel = -1;
        GrantNext();
    }

    private void GrantNext()
    {
        _pending.Clear();
        for (int channel = 0; channel < _requests.Length; channel++)
        {
            if (_requests[channel].Bytes > 0) _pending.Add(new BusRequestView(channel, _requests[channel].Bytes, _requests[channel].Arrival));
        }
        if (_pending.Count == 0) return;
        var winner = _pending[_settings.Policy.Pick(_pending)];
        var request = _requests[winner.Channel];
        _requests[winner.Channel] = default;
        // A burst whose source and destination share one bus master crosses the bus twice.
        long duration = _settings.Bus.NanosecondsForCycles((_settings.Bus.CyclesFor(winner.Bytes) * Math.Max(1, request.Passes)) + _settings.Policy.OverheadCyclesPerGrant);
        _grantedChannel = winner.Channel;
        if (MayCoalesce(winner, request.Train, out int bursts))
        {
            StartTrain(winner, bursts, request.Train!.BytesAfterWholeBursts(bursts), duration);
            return;
        }
        _settings.Policy.OnGranted(winner);
        Account(winner.Channel, winner.Bytes, duration, 1);
        _channels[winner.Channel].Tell(GrantFor(winner.Channel, winner.Bytes, duration));
        StartBusTimer(duration, orderAsOf: null);
        CountGrantsForQuantum(winner.Channel, 1);
    }

    /// <summary>The grant message for one burst, re-used while nothing about it changes.</summary>
    private BusGranted GrantFor(int channel, int bytes, long duration)
    {
        var last = _grants[channel];
        if (last is not null && last.Bytes == bytes && last.DurationNanoseconds == duration) return last;
        return _grants[channel] = new BusGranted(channel, bytes, duration);
    }

    private void Account(int channel, int bytes, long duration, int bursts) =>
        AddBursts(_bytesGranted, _grantsMade, ref _busyNanoseconds, channel, bytes, duration, bursts);

    private static void AddBursts(long[] bytesGranted, long[] grantsMade, ref long busyNanoseconds, int channel, int bytes, long duration, int bursts)
    {
        bytesGranted[channel] += (long)bytes * bursts;
        grantsMade[channel] += bursts;
        busyNanoseconds += duration * bursts;
    }

    /// <summary>Arms the bus-free tick; straight on the clock rather than a keyed actor timer, since one per burst is the hottest timer path of the simulation.</summary>
    private void StartBusTimer(long delay, long? orderAsOf)
    {
        BusTimer.Start(Duration.FromNanoseconds(delay), orderAsOf);
        _busTimerArmed = true;
    }

    /// <summary>Calls off the armed bus-free tick; if it fired already, its tick is counted stale.</summary>
    private void StopBusTimer()
    {
        if (!_busTimerArmed) return;
        BusTimer.Cancel();
        if (!BusTimer.IsCancelled) _staleTicks++;
        _busTimerArmed = false;
    }

    private void SetRequest(int channel, int bytes, Channels.DescriptorRun? train = null, int passes = 1)
    {
        if ((uint)channel >= (uint)_requests.Length)
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"No physical channel {channel} on this controller ({_requests.Length} channels).");
        _requests[channel] = bytes > 0 ? (bytes, _arrivals++, train, passes) : default;
    }

    private ArbiterStatsReply Stats()
    {
        var bytes = (long[])_bytesGranted.Clone();
        var grants = (long[])_grantsMade.Clone();
        long busy = _busyNanoseconds;
        if (_train is { } train)
        {
            // The train's bursts granted by now, as per-burst arbitration would have counted them.
            AddBursts(bytes, grants, ref busy, train.Channel, train.Schedule.BurstBytes, train.Schedule.BurstNanoseconds, train.Schedule.StartedBy(_clock));
        }
        return new ArbiterStatsReply(bytes, grants, busy);
    }
}
