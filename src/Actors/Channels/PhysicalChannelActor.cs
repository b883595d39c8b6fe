using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Faults;
using DmaActors.Actors.Memory;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;

namespace DmaActors.Actors.Channels;

/// <summary>
/// One hardware channel (CHn): executes one descriptor at a time, burst by burst, each burst
/// granted by the arbiter. Memory-to-memory transfers request the bus as fast as grants come;
/// slave transfers request it once per DRQ from the device. Data moves when the grant arrives;
/// the descriptor ends when its last burst's cycles are over.
/// </summary>
/// <remarks>
/// States: idle → running (requesting / granted) → finishing (data done, waiting for the last
/// burst's end) → idle. Paused: running without requesting. Pause, abort and preemption take
/// effect at a burst boundary: a burst either moved whole (before the message) or not at all.
/// A crash reports the active descriptor as aborted (PreRestart) and the channel carries on
/// with the next one; see <see cref="PreRestart"/>. Every message it handles is registered in the
/// constructor; moving a granted burst's data is in the .Bursts partial, coalesced trains in .Trains.
/// </remarks>
public sealed partial class PhysicalChannelActor : ReceiveActor
{
    /// <summary>Posts the end of the last burst's cycles to the channel; static, so arming it allocates no closure.</summary>
    private static readonly Action<object?> PostFinish = static state => ((FinishNow)state!).Channel.Tell(state);

    private readonly IClock _clock;
    private readonly int _index;
    private readonly IActorRef _arbiter;
    private readonly IDmaMemory _memory;
    private readonly FaultPlan? _faults;

    /// <summary>DRQs received for the bound line and not yet served, with the device that raised each.</summary>
    private readonly Queue<(DrqRaised Request, IActorRef Device)> _requests = new();

    private DescriptorRun? _run;
    private IActorRef? _owner;
    private bool _paused;
    private bool _requested;
    private bool _finishing;
    private DmaengineTxResult _failure;
    private bool _deviceEnded;
    private RequestBus? _lastRequest;

    /// <summary>The data of the train running now, parked on the memory until due; null when no train runs.</summary>
    private DeferredTransfer? _deferred;

    /// <summary>The generation of this channel's binding of its request line; -1 until the arbiter confirms it.</summary>
    private long _lineGeneration = -1;

    /// <summary>The descriptor's end timer (nanoseconds: a burst ends between Akka's 100 ns ticks), and the tick it will post.</summary>
    private IClockTimer? _finishTimer;
    private FinishNow? _finishTick;

    /// <summary>Creates physical channel <paramref name="index"/> of a controller.</summary>
    public PhysicalChannelActor(int index, IActorRef arbiter, IDmaMemory memory, FaultPlan? faults)
    {
        _index = index;
        _arbiter = arbiter;
        _memory = memory;
        _faults = faults;
        _clock = Context.System.Simulation().Clock;
        // Virtual channel
        Receive<StartDescriptor>(OnStart);
        Receive<PauseTransfer>(_ => OnPause());
        Receive<ResumeTransfer>(_ => OnResume());
        Receive<AbortTransfer>(_ => OnAbort());
        // Arbiter
        Receive<BusGranted>(OnGranted);
        Receive<BusTrainEnded>(OnTrainEnded);
        Receive<LineBound>(b =>
        {
            if (_run?.Spec.RequestLine != b.Line) return;
            _lineGeneration = b.Generation;
            CheckDeviceAddress(b);
        });
        Receive<PreemptTransfer>(_ => OnPreempt());
        // Devices, routed by the arbiter
        Receive<DrqRaised>(OnDrq);
        // Its own timer
        Receive<FinishNow>(f =>
        {
            if (ReferenceEquals(f, _finishTick)) Finish();
        });
    }

    /// <summary>Test only (<see cref="Controller.ControllerConfig.WithoutStaleRequestChecks"/>): serve requests routed under any binding.</summary>
    internal bool IgnoresBindGenerations { get; init; }

    private long RunId => _run?.DescriptorId ?? -1;

    private void OnStart(StartDescriptor start)
    {
        if (_run is not null)
            throw new InvalidOperationException($"Physical channel {_index} was given descriptor {start.Run.DescriptorId} while running {_run.DescriptorId}.");
        _run = start.Run;
        _owner = Sender;
        _paused = false;
        _finishing = false;
        _deviceEnded = false;
        _failure = DmaengineTxResult.NoError;
        _lineGeneration = -1;
        if (_run.Spec.RequestLine is { } line) _arbiter.Tell(new BindRequestLine(line, _index));
        RequestNext();
    }

    private void OnDrq(DrqRaised request)
    {
        // A request routed under another binding (an earlier descriptor's, or one that was
        // flushed) is dropped: the flush made the device take it back and raise it afresh.
        if (_run?.Spec.RequestLine != request.Line || (request.BindGeneration != _lineGeneration && !IgnoresBindGenerations)) return;
        _requests.Enqueue((request, Sender));
        RequestNext();
    }

    /// <summary>Asks for the bus if a burst is ready and nothing stands in the way.</summary>
    private void RequestNext()
    {
        if (_run is null || _paused || _requested || _finishing || _deferred is not null) return;
        if (_failure != DmaengineTxResult.NoError)
        {
            // A train's data failed to move after a stop (memory changed under it): end here.
            BeginFinishing(0, mayFinishNow: false);
            return;
        }
        int bytes;
        DescriptorRun? train = null;
        if (_run.Spec.IsSlave)
        {
            if (!_requests.TryPeek(out var head)) return;
            bytes = (int)Math.Min(head.Request.Bytes, _run.Spec.Cyclic ? head.Request.Bytes : _run.RemainingInPass);
        }
        else
        {
            bytes = Math.Min(_run.Spec.BurstBytes, _run.CurrentSegment.Length - _run.SegmentOffset);
            if (CanTrain(_run)) train = _run;
        }
        _requested = true;
        _arbiter.Tell(RequestFor(Math.Max(1, bytes), train));
    }

    /// <summary>The request for a burst of <paramref name="bytes"/>, re-used while nothing in it changes (no allocation per burst).</summary>
    private RequestBus RequestFor(int bytes, DescriptorRun? train)
    {
        int passes = _run?.Spec.BusPasses ?? 1;
        if (_lastRequest is { } last && last.Bytes == bytes && ReferenceEquals(last.Train, train) && last.BusPasses == passes) return last;
        return _lastRequest = new RequestBus(_index, bytes) { Train = train, BusPasses = passes };
    }

    private void OnGranted(BusGranted grant)
    {
        if (!_requested || _run is null || _paused)
        {
            _arbiter.Tell(new DeclineGrant(_index));
            return;
        }
        _requested = false;
        if (grant.Bursts > 1)
        {
            BeginTrain(grant);
            return;
        }
        MoveBurst(grant.Bytes);
        if (_failure != DmaengineTxResult.NoError || _run.DataComplete || _deviceEnded)
        {
            BeginFinishing(grant.DurationNanoseconds, mayFinishNow: false);
            return;
        }
        if (_preempt)
        {
            HandBack();
            return;
        }
        RequestNext();
    }

    /// <summary>The data is done (or failed): the descriptor ends when the last burst's cycles are over, <paramref name="wait"/> ns from now.</summary>
    private void BeginFinishing(long wait, bool mayFinishNow)
    {
        _finishing = true;
        if (wait <= 0 && mayFinishNow)
        {
            Finish();
            return;
        }
        // A fresh tick per start: a tick of a cancelled start that is already on its way is told apart and ignored.
        _finishTick = new FinishNow(Self);
        _finishTimer = _clock.Schedule(Duration.FromNanoseconds(Math.Max(0, wait)), PostFinish, _finishTick);
    }

    private void CancelFinish()
    {
        _finishTimer?.Cancel();
        _finishTick = null;
    }

    /// <summary>The last burst's cycles are over: report the descriptor and go idle.</summary>
    private void Finish()
    {
        var run = _run!;
        var outcome = new DmaengineResult(_failure, _failure == DmaengineTxResult.NoError && !_deviceEnded ? 0 : run.Residue);
        Release();
        _owner!.Tell(new DescriptorFinished(run.DescriptorId, outcome));
    }

    private void OnPause()
    {
        _paused = true;
        Withdraw();
        Sender.Tell(new PauseTransferReply(RunId, _run?.Residue ?? 0));
    }

    private void OnResume()
    {
        _paused = false;
        Sender.Tell(new ResumeTransferReply(RunId));
        RequestNext();
    }

    private void OnAbort()
    {
        Withdraw();
        long id = RunId;
        long moved = _run?.BytesMoved ?? 0;
        CancelFinish();
        Release();
        Sender.Tell(new AbortTransferReply(id, moved));
    }

    private void Withdraw()
    {
        StopTrain();
        if (!_requested) return;
        _requested = false;
        _arbiter.Tell(new WithdrawBusRequest(_index));
    }

    /// <summary>Lets go of the descriptor: unbind its request line (the arbiter flushes the device, which takes back requests not served).</summary>
    private void Release()
    {
        if (_run?.Spec.RequestLine is { } line) _arbiter.Tell(new UnbindRequestLine(line, _index));
        _lineGeneration = -1;
        _requests.Clear();
        _run = null;
        _finishing = false;
        _preempt = false;
        _paused = false;
    }

    /// <summary>
    /// A crash must not lose the descriptor: the failing instance reports it as aborted, with
    /// what it had moved, gives up the bus and the request line, and the restarted instance
    /// starts idle, ready for the virtual channel's next descriptor.
    /// </summary>
    protected override void PreRestart(Exception reason, object message)
    {
        CancelFinish();
        if (_run is { } run && _owner is not null)
        {
            Withdraw();
            Release();
            _owner.Tell(new DescriptorFinished(run.DescriptorId, new DmaengineResult(DmaengineTxResult.Aborted, run.Residue)));
        }
        base.PreRestart(reason, message);
    }

    /// <summary>Timer: the descriptor's last burst's cycles are over.</summary>
    private sealed record FinishNow(IActorRef Channel);
}
