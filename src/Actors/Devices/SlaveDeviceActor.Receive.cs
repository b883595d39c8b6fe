using Akka.Event;
using DmaActors.Actors.Arbitration;
namespace DmaActors.Actors.Devices;

// RX (DEV_TO_MEM): the remote end fills the FIFO from the wire, the DMA drains it by requests
// that carry the bytes. Between two handler turns only arrivals happen (every removal is a
// message), so the arrivals of a span can be applied in one go: frames that fit go in, the rest
// are lost (overrun) or, with backpressure, never sent (the wire stalls until there is room).
public sealed partial class SlaveDeviceActor
{
    /// <summary>RX timeout in nanoseconds (0: none).</summary>
    private readonly long _timeoutNanoseconds;

    /// <summary>Frames that have come off the wire since the device was created (lost ones included).</summary>
    private long _wireFrames;

    /// <summary>The wire falls silent when <see cref="_wireFrames"/> reaches this.</summary>
    private long _wireLimitFrames = long.MaxValue;

    /// <summary>The wire stopped because the FIFO was full (backpressure); it restarts when there is room.</summary>
    private bool _stalled;

    /// <summary>Virtual time the last frame came off the wire.</summary>
    private long _lastArrivalAt;

    /// <summary>Injected overruns still to take effect: the next frames from the wire are lost.</summary>
    private int _pendingDrops;

    /// <summary>Bytes the FIFO holds, those of an outstanding request included (they leave it when the DMA reads them).</summary>
    private int ReceiveOccupancy => _fifo.Count + (_outstanding?.Data?.Length ?? 0);

    private void StartReceiveWire(long? wireBytes)
    {
        if (wireBytes is { } bytes) ArgumentOutOfRangeException.ThrowIfNegative(bytes, nameof(StartDevice.WireBytes));
        _wireLimitFrames = wireBytes is { } limit ? _wireFrames + (limit / FrameBytes) : long.MaxValue;
        BeginSegment(Now);
    }

    /// <summary>RX: the remote sends <see cref="SendOnWire.Bytes"/> more after what it has sent or is to send, from now at the wire's rate; starts the wire if stopped.</summary>
    private void OnSendOnWire(SendOnWire send)
    {
        Sync();
        if (!_profile.Receives)
        {
            _log.Warning("{0} on line {1} is a TX device: its wire carries what the DMA delivers, nothing can be sent to it", _profile.Name, _line);
            return;
        }
        long frames = send.Bytes / FrameBytes;
        long scheduled = _wireLimitFrames == long.MaxValue || !_started ? _wireFrames : _wireLimitFrames;
        _wireLimitFrames = scheduled + frames;
        _started = true;
        if (!_wireRunning && !_stalled && frames > 0) BeginSegment(Now);
        Settle();
    }

    private void BeginSegment(long now)
    {
        _segmentStart = now;
        _segmentFrames = 0;
        _wireRunning = true;
        _stalled = false;
    }

    /// <summary>A wire stalled on a full FIFO goes on, in a new segment, once a frame fits again.</summary>
    private void ResumeReceiveWire(long now)
    {
        if (_started && _stalled && _profile.FifoDepth - ReceiveOccupancy >= FrameBytes && _wireFrames < _wireLimitFrames) BeginSegment(now);
    }

    private void SyncReceive(long now)
    {
        if (!_wireRunning) return;
        long due = Math.Min(_timing.FramesWithin(now - _segmentStart) - _segmentFrames, _wireLimitFrames - _wireFrames);
        if (due > 0)
        {
            long dropped = Math.Min(due, _pendingDrops);
            if (dropped > 0)
            {
                _pendingDrops -= (int)dropped;
                LoseFrames(dropped);
            }
            long fit = Math.Min(due - dropped, (_profile.FifoDepth - ReceiveOccupancy) / FrameBytes);
            if (fit > 0) ArriveFrames(fit);
            long rest = due - dropped - fit;
            if (rest > 0 && _profile.Backpressure)
            {
                // The FIFO filled at the last frame that fit: the clock stopped there, so the
                // frames after it have not been sent yet.
                _wireRunning = false;
                _stalled = true;
            }
            else if (rest > 0)
            {
                LoseFrames(rest);
            }
        }
        if (_wireFrames >= _wireLimitFrames) _wireRunning = false;
    }

    private void ArriveFrames(long frames)
    {
        int bytes = (int)(frames * FrameBytes);
        Span<byte> data = bytes <= 1024 ? stackalloc byte[bytes] : new byte[bytes];
        if (_wire is not null) _wire.CopyTo(_counters.WireBytes, data);
        else _pattern.Fill(_counters.WireBytes, data);
        _fifo.PushBack(data);
        _counters.WireBytes += bytes;
        AdvanceWire(frames);
    }

    private void LoseFrames(long frames)
    {
        long bytes = frames * FrameBytes;
        ReportOverrun(frames, bytes, _segmentStart + _timing.Offset(_segmentFrames + 1));
        // The lost bytes were on the wire: the stream moves past them.
        _counters.WireBytes += bytes;
        AdvanceWire(frames);
    }

    private void AdvanceWire(long frames)
    {
        _segmentFrames += frames;
        _wireFrames += frames;
        _lastArrivalAt = _segmentStart + _timing.Offset(_segmentFrames);
    }

    /// <summary>The channel took <paramref name="consumed"/> of the request's bytes (all when null); the rest go back to the front.</summary>
    private void AcknowledgeReceive(DrqRaised request, int? consumed)
    {
        var data = request.Data ?? [];
        int taken = Math.Clamp(consumed ?? data.Length, 0, data.Length);
        if (taken < data.Length)
        {
            _fifo.PushFront(data.AsSpan(taken));
            _counters.BytesReturned += data.Length - taken;
        }
        _counters.DmaBytes += taken;
        CountTowardsBlock(taken);
    }

    private void RaiseReceive(long now)
    {
        bool timedOut = _timeoutNanoseconds > 0 && _fifo.Count > 0 && now - _lastArrivalAt >= _timeoutNanoseconds;
        if (RequestDue(_fifo.Count, drain: timedOut) is not { } due) return;
        // A fresh array per request: a receiver may keep the message (a probe does), so bytes in flight are never re-used.
        var data = new byte[due.Bytes];
        _fifo.PopFront(data);
        Raise(due.Kind, due.Bytes, due.Last, data);
    }

    /// <summary>
    /// When the FIFO will hold enough for a request, or else when the RX timeout will expire
    /// after the last frame still to come (or already come); MaxValue if nothing will change.
    /// </summary>
    private long NextReceiveEvent()
    {
        if (_outstanding is not null) return long.MaxValue;
        int have = _fifo.Count;
        int threshold = Threshold;
        if (have >= threshold) return long.MaxValue;
        long lastArrival = _lastArrivalAt;
        bool waiting = have > 0;
        if (_wireRunning)
        {
            long needed = _pendingDrops + CeilingDivide(threshold - have, FrameBytes);
            long left = _wireLimitFrames - _wireFrames;
            if (needed <= left) return _segmentStart + _timing.Offset(_segmentFrames + needed);
            // The wire falls silent before the watermark: the timeout runs from its last frame.
            if (left > _pendingDrops)
            {
                lastArrival = _segmentStart + _timing.Offset(_segmentFrames + left);
                waiting = true;
            }
        }
        return _timeoutNanoseconds > 0 && waiting ? lastArrival + _timeoutNanoseconds : long.MaxValue;
    }
}
