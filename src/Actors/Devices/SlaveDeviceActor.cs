using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using DmaActors.Actors.Arbitration;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using Debug = System.Diagnostics.Debug;

namespace DmaActors.Actors.Devices;

/// <summary>
/// A peripheral with a FIFO, a wire running at a fixed rate, and one DRQ line to a DMA
/// controller (hardware twin: a UART, SPI, MMC or I2S block's DMA interface; the handshake is
/// the PL330 peripheral request interface's). RX (DEV_TO_MEM): the wire fills the FIFO and the
/// device raises a request, with the bytes, when a burst's worth waits. TX (MEM_TO_DEV): the wire
/// drains the FIFO and the device raises a request for a burst's worth of room.
/// </summary>
/// <remarks>
/// <para>
/// One request at most is outstanding on the line: raised → acknowledged (served) or flushed
/// (forgotten), then the device looks again. The bytes of an outstanding RX request still
/// occupy the FIFO; what the channel does not consume goes back to its front, in order.
/// </para>
/// <para>
/// Time: the wire is modelled lazily. It runs in segments (from a start, or a restart after an
/// idle or stalled spell), and frame <c>k</c> of a segment starting at <c>S</c> ends at
/// <c>S + floor((k + 1) × bitsPerFrame × 10⁹ / bitRate)</c> (<see cref="WireTiming"/>). Every
/// handler first brings the FIFO up to now from that formula (<c>Sync</c>), acts, then raises a
/// request if one is due and arms one timer for the next moment something would change: the
/// watermark crossing, the RX timeout. Overruns and underruns between two such moments are
/// counted exactly at the next sync, with no timer per byte.
/// </para>
/// <para>
/// States of the request line: idle --ready--> raised --ack/flush--> idle. States of the wire:
/// stopped --StartDevice--> running --StopDevice--> stopped; running --FIFO empty (TX, clock not
/// continuous) / full (RX with backpressure)--> paused --data / room--> running (a new segment).
/// </para>
/// <para>
/// Every message it handles is registered in the constructor; the RX wire is in the .Receive
/// partial, the TX wire in .Transmit, control and counters in .Control.
/// </para>
/// </remarks>
public sealed partial class SlaveDeviceActor : ReceiveActor
{
    private static readonly Action<object?> PostWireEvent = static state => ((IActorRef)state!).Tell(WireEvent.Instance);

    private readonly DeviceProfile _profile;
    private readonly int _line;

    /// <summary>The line's binding as of the last flush: stamped on requests so the arbiter routes them as they are.</summary>
    private long _bindGeneration;

    /// <summary>The last request raised, not last and last of a block, re-used while raised again unchanged.</summary>
    private readonly DrqRaised?[] _lastRaised = new DrqRaised?[2];


    /// <summary>The wire's next event; one restartable clock timer, so pacing the wire allocates nothing.</summary>
    private IClockTimer? _wireTimer;
    private readonly IClock _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _arbiter;
    private readonly IActorRef? _listener;
    private readonly DataPattern _pattern;

    /// <summary>RX: where the remote's bytes come from instead of <see cref="_pattern"/>; TX: where the wire's bytes are written. Null: none.</summary>
    private readonly WireLog? _wire;
    private readonly WireTiming _timing;
    private readonly ByteRing _fifo;
    private readonly DeviceCounters _counters = new();

    /// <summary>Between StartDevice and StopDevice.</summary>
    private bool _started;

    /// <summary>The wire is clocking frames in the current segment (started, and not paused, stalled or exhausted).</summary>
    private bool _wireRunning;

    /// <summary>Virtual time the current wire segment started.</summary>
    private long _segmentStart;

    /// <summary>Frames of the current segment already accounted for (RX: arrived; TX: slots started).</summary>
    private long _segmentFrames;

    /// <summary>The request raised and neither acknowledged nor flushed; null when the line is idle.</summary>
    private DrqRaised? _outstanding;

    /// <summary>Bytes of the current device-controlled transfer (block) already moved.</summary>
    private long _blockProgress;

    /// <summary>Creates a device on request line <paramref name="line"/> of the controller whose arbiter is <paramref name="arbiter"/>.</summary>
    /// <param name="profile">What the device is.</param>
    /// <param name="line">Its request line.</param>
    /// <param name="arbiter">Where its DRQs go (<c>DmaController.Arbiter</c>).</param>
    /// <param name="pattern">RX: the bytes the remote end sends; TX: the bytes the wire must carry, in order.</param>
    /// <param name="listener">Receives <see cref="FifoOverrun"/> and <see cref="FifoUnderrun"/> (the device's interrupt); none when null.</param>
    /// <param name="wire">RX: the bytes the remote end sends (fed with <see cref="SendOnWire"/>), instead of <paramref name="pattern"/>; TX: records every byte put on the wire. None when null.</param>
    public SlaveDeviceActor(DeviceProfile profile, int line, IActorRef arbiter, DataPattern pattern, IActorRef? listener = null, WireLog? wire = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(arbiter);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        _profile = profile.Validated();
        _line = line;
        _arbiter = arbiter;
        _pattern = pattern;
        _listener = listener;
        _wire = wire;
        _timing = profile.Timing;
        _fifo = new ByteRing(profile.FifoDepth);
        _timeoutNanoseconds = profile.RxTimeoutFrames > 0 ? _timing.Offset(profile.RxTimeoutFrames) : 0;
        _clock = Context.System.Simulation().Clock;
        // Its driver (or a workload)
        Receive<StartDevice>(OnStart);
        Receive<SendOnWire>(OnSendOnWire);
        Receive<StopDevice>(_ => OnStop());
        Receive<InjectDeviceFault>(OnInjectFault);
        Receive<GetDeviceStats>(_ => OnGetStats());
        // The controller, on its request line
        Receive<DrqAcknowledged>(a => a.Line == _line, OnAcknowledged);
        Receive<FlushRequests>(f => f.Line == _line, OnFlush);
        Receive<FifoData>(d => d.Line == _line, OnFifoData);
        // Its own wire timer
        Receive<WireEvent>(_ => Settle());
    }

    /// <summary>Props for a device (see the constructor for the parameters).</summary>
    public static Props PropsFor(DeviceProfile profile, int line, IActorRef arbiter, DataPattern pattern, IActorRef? listener = null, WireLog? wire = null) =>
        Props.Create(() => new SlaveDeviceActor(profile, line, arbiter, pattern, listener, wire));

    /// <summary>A TX device with room asks for data from the start, before its wire runs (a driver starts the DMA, then the device).</summary>
    protected override void PreStart() => Settle();

    private long Now => _clock.NowNanoseconds;

    private IClockTimer WireTimer => _wireTimer ??= _clock.CreateTimer(PostWireEvent, Self);

    /// <summary>Stopped or restarting: the wire timer is not an actor timer, so it is called off here.</summary>
    protected override void PostStop() => _wireTimer?.Cancel();

    private int FrameBytes => _profile.FrameBytes;

    /// <summary>Bytes left in the current device-controlled transfer; unbounded without one.</summary>
    private long BlockLeft => _profile.BlockBytes is { } block ? block - _blockProgress : long.MaxValue;

    /// <summary>Bytes (RX: waiting; TX: free room) that make the next request due: a burst, or a beat of a transfer's tail.</summary>
    private int Threshold => BlockLeft >= _profile.Watermark ? _profile.Watermark : (int)Math.Min(_profile.BeatBytes, BlockLeft);

    private void OnAcknowledged(DrqAcknowledged ack)
    {
        Sync();
        if (_outstanding is null)
        {
            // Served after a flush made the device forget it: the handshake's ends disagree.
            _log.Warning("{0}: acknowledgement on request line {1} with no request outstanding (served after a flush?)", _profile.Name, _line);
        }
        else if (_profile.Receives)
        {
            AcknowledgeReceive(_outstanding, ack.ConsumedBytes);
        }
        else
        {
            AcknowledgeTransmit();
        }
        _outstanding = null;
        Settle();
    }

    private void OnFlush(FlushRequests flush)
    {
        Sync();
        _bindGeneration = flush.BindGeneration;
        _counters.Flushes++;
        if (_outstanding is not null)
        {
            if (_profile.Receives) AcknowledgeReceive(_outstanding, consumed: 0);
            else AcknowledgeTransmit();
            _outstanding = null;
        }
        // Acknowledge before anything new is raised: the arbiter drops what came before this.
        _arbiter.Tell(new FlushAcknowledged(_line));
        Settle();
    }

    /// <summary>Brings the FIFO up to the current virtual time.</summary>
    private void Sync()
    {
        if (_profile.Receives) SyncReceive(Now);
        else SyncTransmit(Now);
    }

    /// <summary>The end of every turn: restart a paused wire that can go on, raise a request if one is due, arm the timer.</summary>
    private void Settle()
    {
        long now = Now;
        if (_profile.Receives)
        {
            ResumeReceiveWire(now);
            SyncReceive(now);
            if (_outstanding is null) RaiseReceive(now);
        }
        else
        {
            ResumeTransmitWire(now);
            SyncTransmit(now);
            if (_outstanding is null) RaiseTransmit();
        }
        long next = _profile.Receives ? NextReceiveEvent() : NextTransmitEvent();
        // A tick already on its way when the timer is restarted or cancelled only settles the
        // device at the current time again, which changes nothing: its state is a function of time.
        if (next == long.MaxValue) _wireTimer?.Cancel();
        else WireTimer.Start(Duration.FromNanoseconds(Math.Max(0, next - now)));
        AssertInvariants(now, next);
    }

    /// <summary>The request due now, if any: a burst when a burst's worth is <paramref name="ready"/>, a beat at a transfer's tail, or (<paramref name="drain"/>) a beat of whatever is there.</summary>
    private (DrqKind Kind, int Bytes, bool Last)? RequestDue(int ready, bool drain)
    {
        long blockLeft = BlockLeft;
        int threshold = Threshold;
        if (ready >= threshold)
        {
            return (blockLeft >= _profile.Watermark ? DrqKind.Burst : DrqKind.Single, threshold, threshold == blockLeft);
        }
        if (!drain || ready <= 0) return null;
        int bytes = (int)Math.Min(Math.Min(_profile.BeatBytes, ready), blockLeft);
        return (DrqKind.Single, bytes, bytes == blockLeft);
    }

    private void Raise(DrqKind kind, int bytes, bool last, byte[]? data)
    {
        // One request is outstanding at a time, so the last one of its shape is re-used while
        // nothing in it changes: a MEM_TO_DEV request (no bytes) of the same kind and size under
        // the same binding; one slot for a block's last request, one for the others.
        ref var slot = ref _lastRaised[last ? 1 : 0];
        _outstanding = slot is { } previous && previous.Kind == kind && previous.Bytes == bytes && ReferenceEquals(previous.Data, data) && previous.BindGeneration == _bindGeneration
            ? previous
            : slot = new DrqRaised(_line, kind, bytes, last, data) { BindGeneration = _bindGeneration };
        _counters.Requests++;
        if (kind == DrqKind.Burst) _counters.BurstRequests++;
        else _counters.SingleRequests++;
        if (last) _counters.LastRequests++;
        // The device is the sender: the arbiter forwards with it, and the channel answers it directly.
        _arbiter.Tell(_outstanding, Self);
    }

    /// <summary>Counts <paramref name="bytes"/> moved by the DMA against the device-controlled transfer.</summary>
    private void CountTowardsBlock(long bytes)
    {
        if (_profile.BlockBytes is not { } block) return;
        _blockProgress += bytes;
        while (_blockProgress >= block)
        {
            _blockProgress -= block;
            _counters.Blocks++;
        }
    }

    private void ReportOverrun(long frames, long bytes, long at)
    {
        _counters.Overruns += frames;
        _counters.BytesLost += bytes;
        _listener?.Tell(new FifoOverrun(_line, frames, at), Self);
    }

    private void ReportUnderrun(long frames, long at)
    {
        _counters.Underruns += frames;
        _listener?.Tell(new FifoUnderrun(_line, frames, at), Self);
    }

    private static long CeilingDivide(long a, long b) => (a + b - 1) / b;

    [Conditional("DEBUG")]
    private void AssertInvariants(long now, long next)
    {
        int held = _profile.Receives ? _outstanding?.Data?.Length ?? 0 : 0;
        Debug.Assert(_fifo.Count + held <= _profile.FifoDepth, "The FIFO, an outstanding RX request's bytes included, never holds more than its depth.");
        Debug.Assert(_outstanding is null || (_outstanding.Data is not null) == _profile.Receives, "RX requests carry their bytes; TX requests carry none.");
        Debug.Assert(next > now || next == long.MaxValue, "The next wire event lies in the future: everything due now has been done.");
        Debug.Assert(_profile.BlockBytes is not { } block || _blockProgress < block, "A completed transfer restarts the block count.");
    }

    /// <summary>Timer: the moment the device computed something would change has come.</summary>
    private sealed record WireEvent
    {
        public static readonly WireEvent Instance = new();
    }
}
