using Akka.Actor;
namespace DmaActors.Actors.Devices;

// Control and observation: starting and stopping the wire, forced faults, the counters. Each
// handler brings the FIFO up to now first, so what it changes or reports is exact at this instant.
public sealed partial class SlaveDeviceActor
{
    private void OnStart(StartDevice start)
    {
        Sync();
        if (!_started)
        {
            _started = true;
            if (_profile.Receives) StartReceiveWire(start.WireBytes);
            else StartTransmitWire();
        }
        Settle();
    }

    private void OnStop()
    {
        Sync();
        _started = false;
        _wireRunning = false;
        Settle();
    }

    private void OnInjectFault(InjectDeviceFault fault)
    {
        Sync();
        bool takesEffect = _wireRunning && _profile.Receives == (fault.Kind == DeviceFaultKind.Overrun);
        if (takesEffect && fault.Kind == DeviceFaultKind.Overrun) _pendingDrops++;
        else if (takesEffect) _pendingSilence++;
        else if (fault.Kind == DeviceFaultKind.Overrun) ReportOverrun(1, 0, Now);
        else ReportUnderrun(1, Now);
        Settle();
    }

    private void OnGetStats()
    {
        Settle();
        var c = _counters;
        int outstanding = _outstanding?.Bytes ?? 0;
        int level = _fifo.Count + (_profile.Receives ? _outstanding?.Data?.Length ?? 0 : 0);
        long busyUntil = _profile.Receives ? _lastArrivalAt : _wireBusyUntil;
        Sender.Tell(new DeviceStatsReply(
            c.WireBytes, c.DmaBytes, c.Overruns, c.BytesLost, c.Underruns, c.Mismatches, c.FirstMismatchIndex,
            c.Requests, c.BurstRequests, c.SingleRequests, c.LastRequests, c.Flushes, c.BytesReturned,
            level, outstanding, c.Blocks, busyUntil, _started));
    }
}
