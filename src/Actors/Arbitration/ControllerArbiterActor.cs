using DmaActors.Actors.Devices;
using DmaActors.Runtime;
using Microsoft.Extensions.Logging;

namespace DmaActors.Actors.Arbitration;

/// <summary>
/// The DMA controller's arbiter (kernel twin: the arbitration inside a <c>dma_device</c>'s
/// hardware, and virt-dma's device tasklet that hands physical channels to waiting virtual ones).
/// Owns the bus: one burst at a time, granted by the policy at every burst boundary, busy for the
/// burst's cycles in virtual time. Also routes DRQ lines to the physical channel serving them.
/// </summary>
/// <remarks>
/// State transitions of the bus:
///   idle --RequestBus--> granted (BusGranted sent, BusFree timer at EndsAt)
///   granted --BusFree / DeclineGrant--> idle, then re-arbitrate among pending requests.
/// A request arriving while the bus is busy waits for the next boundary; a channel that wants
/// back-to-back bursts re-requests as soon as it has moved its data, which is before the
/// boundary in virtual time, so it competes for the very next grant.
/// </remarks>
public sealed partial class ControllerArbiterActor : Actor
{
    /// <summary>Posts the bus-free tick to the arbiter; static, so scheduling a burst allocates no closure.</summary>
    private static readonly Action<object?> PostBusFree = static state => ((IActorRef)state!).Tell(BusFree.Instance);

    private readonly ArbiterSettings _settings;
    private IActorRef[] _channels = [];

    /// <summary>Pending request per channel: bytes (0 = none) and arrival sequence.</summary>
    private (int Bytes, long Arrival)[] _requests = [];
    private readonly List<BusRequestView> _pending = [];
    private long _arrivals;
    /// <summary>The pending bus-free timer of the current grant.</summary>
    private Runtime.Time.ICancelable? _busTimer;

    /// <summary>Ticks already queued for grants that were declined (their timer fired before the decline): ignore that many.</summary>
    private int _staleTicks;
    private int _grantedChannel = -1;
    private long[] _bytesGranted = [];
    private long[] _grantsMade = [];
    private long _busyNanoseconds;

    /// <summary>Creates the arbiter; physical channels are attached by the controller right after.</summary>
    public ControllerArbiterActor(ArbiterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings with { Bus = settings.Bus.Validated() };
        Receive<AttachPhysicalChannels>(OnAttach);
        Receive<RequestBus>(OnRequestBus);
        Receive<WithdrawBusRequest>(w => SetRequest(w.Channel, 0));
        Receive<DeclineGrant>(OnDeclineGrant);
        Receive<BusFree>(OnBusFree);
        Receive<SetEventQueue>(q =>
        {
            // A bad queue number is a board-description error: reported, and the arbiter carries on.
            if (_settings.Policy is EventQueuePolicy queues && !queues.TrySetQueue(q.Channel, q.Queue))
                Context.Log.LogError("Channel {Channel} asked for event queue {Queue}, but there are queues 0..{Last}", q.Channel, q.Queue, queues.QueueCount - 1);
        });
        Receive<QueryArbiterStats>(_ => Sender.Tell(new ArbiterStats([.. _bytesGranted], [.. _grantsMade], _busyNanoseconds)));
        ReceiveAssignment();
        ReceiveRequestLines();
    }

    private bool BusBusy => _grantedChannel >= 0;

    private void OnAttach(AttachPhysicalChannels attach)
    {
        _channels = [.. attach.Channels];
        _requests = new (int, long)[_channels.Length];
        _bytesGranted = new long[_channels.Length];
        _grantsMade = new long[_channels.Length];
        InitialiseAssignment(_channels.Length);
    }

    private void OnRequestBus(RequestBus request)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Bytes, nameof(request));
        SetRequest(request.Channel, request.Bytes);
        if (!BusBusy) GrantNext();
    }

    private void OnDeclineGrant(DeclineGrant decline)
    {
        if (decline.Channel != _grantedChannel) return;
        // The burst never happened: the bus is free now, not at the end of the granted burst. If
        // its timer already fired, its tick is on the way: ignore it when it comes.
        if (_busTimer is { } timer)
        {
            timer.Cancel();
            if (!timer.IsCancelled) _staleTicks++;
            _busTimer = null;
        }
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
        _busTimer = null;
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
        _settings.Policy.OnGranted(winner);
        _requests[winner.Channel] = default;
        long cycles = _settings.Bus.CyclesFor(winner.Bytes) + _settings.Policy.OverheadCyclesPerGrant;
        long duration = _settings.Bus.NanosecondsForCycles(cycles);
        _grantedChannel = winner.Channel;
        _bytesGranted[winner.Channel] += winner.Bytes;
        _grantsMade[winner.Channel]++;
        _busyNanoseconds += duration;
        _channels[winner.Channel].Tell(new BusGranted(winner.Channel, winner.Bytes, Context.Clock.NowNanoseconds + duration));
        // Straight on the clock rather than a keyed actor timer: one timer per burst is the
        // hottest timer path of the simulation, and this allocates only the clock's own entry.
        _busTimer = Context.Clock.Schedule(Runtime.Time.Duration.FromNanoseconds(duration), PostBusFree, Self);
        CountGrantForQuantum(winner.Channel);
    }

    private void SetRequest(int channel, int bytes)
    {
        if ((uint)channel >= (uint)_requests.Length)
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"No physical channel {channel} on this controller ({_requests.Length} channels).");
        _requests[channel] = bytes > 0 ? (bytes, _arrivals++) : default;
    }
}
