using Akka.Event;
namespace DmaActors.Actors.Devices;

// TX (MEM_TO_DEV): the DMA fills the FIFO (FifoData, before the acknowledgement), the wire
// drains it one frame per slot; slot k of a segment starting at S begins at S + Offset(k) and
// takes its frame from the FIFO then. Between two handler turns only departures happen, so a
// span's slots are applied in one go: slots with data send it (checked against the pattern),
// the rest send silence and count underruns (continuous clock) or leave the wire idle.
public sealed partial class SlaveDeviceActor
{
    /// <summary>Stream index of the next data byte the wire must carry.</summary>
    private long _transmitIndex;

    /// <summary>Bytes delivered by FifoData for the outstanding request.</summary>
    private long _deliveredForRequest;

    /// <summary>Injected underruns still to take effect: the next slots send silence.</summary>
    private int _pendingSilence;

    /// <summary>When the last frame handed to the wire finishes crossing it.</summary>
    private long _wireBusyUntil;

    private void StartTransmitWire()
    {
        // A continuous clock runs from now whether or not there is data; otherwise the wire
        // starts with the first data (ResumeTransmitWire).
        if (_profile.ContinuousClock) BeginSegment(Now);
    }

    /// <summary>An idle wire (clock not continuous) starts a new segment as soon as a frame waits.</summary>
    private void ResumeTransmitWire(long now)
    {
        if (_started && !_wireRunning && !_profile.ContinuousClock && _fifo.Count >= FrameBytes) BeginSegment(now);
    }

    private void SyncTransmit(long now)
    {
        if (!_wireRunning) return;
        long due = _timing.FramesWithin(now - _segmentStart) + 1 - _segmentFrames;
        if (due <= 0) return;
        long silent = Math.Min(due, _pendingSilence);
        if (silent > 0)
        {
            _pendingSilence -= (int)silent;
            SendSilence(silent);
        }
        long sent = Math.Min(due - silent, _fifo.Count / FrameBytes);
        if (sent > 0) SendFrames(sent);
        long rest = due - silent - sent;
        if (rest <= 0) return;
        if (_profile.ContinuousClock) SendSilence(rest);
        else _wireRunning = false; // idle from the slot that found the FIFO empty
    }

    private void SendFrames(long frames)
    {
        int bytes = (int)(frames * FrameBytes);
        Span<byte> data = bytes <= 1024 ? stackalloc byte[bytes] : new byte[bytes];
        _fifo.PopFront(data);
        _wire?.Append(data);
        foreach (byte b in data)
        {
            if (b != _pattern.At(_transmitIndex))
            {
                if (_counters.Mismatches == 0) _counters.FirstMismatchIndex = _transmitIndex;
                _counters.Mismatches++;
            }
            _transmitIndex++;
        }
        _counters.WireBytes += bytes;
        _segmentFrames += frames;
        _wireBusyUntil = _segmentStart + _timing.Offset(_segmentFrames);
    }

    private void SendSilence(long frames)
    {
        ReportUnderrun(frames, _segmentStart + _timing.Offset(_segmentFrames));
        _segmentFrames += frames;
    }

    private void OnFifoData(FifoData delivery)
    {
        Sync();
        if (_profile.Receives)
        {
            _log.Warning("{0}: {1} bytes of FifoData on a receiving device, dropped", _profile.Name, delivery.Data.Length);
            return;
        }
        var data = delivery.Data;
        int accepted = Math.Min(data.Length, _fifo.Free);
        _fifo.PushBack(data.AsSpan(0, accepted));
        // Writes into a full FIFO are lost: a TX overrun (the DMA outran the room it asked for).
        if (accepted < data.Length) ReportOverrun(CeilingDivide(data.Length - accepted, FrameBytes), data.Length - accepted, Now);
        _counters.DmaBytes += data.Length;
        if (_outstanding is not null) _deliveredForRequest += data.Length;
        Settle();
    }

    private void AcknowledgeTransmit()
    {
        // What was delivered counts; room asked for and not filled (end of descriptor, bus error) is simply free again.
        CountTowardsBlock(_deliveredForRequest);
        _deliveredForRequest = 0;
    }

    private void RaiseTransmit()
    {
        if (RequestDue(_profile.FifoDepth - _fifo.Count, drain: false) is { } due) Raise(due.Kind, due.Bytes, due.Last, data: null);
    }

    /// <summary>When the wire will have freed enough room for the next request; MaxValue if it will not by itself.</summary>
    private long NextTransmitEvent()
    {
        if (_outstanding is not null || !_wireRunning) return long.MaxValue;
        int free = _profile.FifoDepth - _fifo.Count;
        int threshold = Threshold;
        if (free >= threshold) return long.MaxValue;
        long slots = _pendingSilence + CeilingDivide(threshold - free, FrameBytes);
        return _segmentStart + _timing.Offset(_segmentFrames + slots - 1);
    }
}
