using Akka.Actor;
using Akka.Event;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Devices;

namespace DmaActors.Actors.Arbitration;

// DRQ routing. A device is wired to a request line; a physical channel binds the line while it
// runs a slave descriptor on it. Binding and unbinding both flush the device (DMAFLUSHP): it
// takes back any request not served and raises a fresh one when ready. Requests that arrive
// while a flush is unacknowledged were raised before it and are dropped; requests routed to a
// channel carry the binding's generation, so one routed under an earlier binding (still in the
// channel's mailbox) is never served. Together: no request is served twice, none is lost.
public sealed partial class ControllerArbiterActor
{
    private readonly Dictionary<int, IActorRef> _deviceOnLine = [];
    private readonly Dictionary<int, int> _channelOnLine = [];
    private readonly Dictionary<int, int> _flushesUnacknowledged = [];
    private readonly Dictionary<int, long> _bindGeneration = [];
    private readonly Dictionary<int, ulong> _fifoOnLine = [];

    private void OnConnect(ConnectDevice connect)
    {
        _deviceOnLine[connect.Line] = connect.Device;
        if (connect.FifoAddress is { } fifo) _fifoOnLine[connect.Line] = fifo;
        else _fifoOnLine.Remove(connect.Line);
    }

    private void OnUnbind(UnbindRequestLine unbind)
    {
        if (!_channelOnLine.TryGetValue(unbind.Line, out int channel) || channel != unbind.Channel) return;
        _channelOnLine.Remove(unbind.Line);
        Flush(unbind.Line, generation: 0);
    }

    private void OnFlushAcknowledged(FlushAcknowledged acknowledged)
    {
        if (_flushesUnacknowledged.TryGetValue(acknowledged.Line, out int pending) && pending > 0) _flushesUnacknowledged[acknowledged.Line] = pending - 1;
    }

    private void OnBind(BindRequestLine bind)
    {
        if (_channelOnLine.TryGetValue(bind.Line, out int other) && other != bind.Channel)
        {
            // Two descriptors on one request line at once: a wiring error of the model above,
            // reported rather than thrown so the arbiter's state survives.
            _log.Error("Request line {0} is already served by physical channel {1}; channel {2} cannot bind it too", bind.Line, other, bind.Channel);
            return;
        }
        _channelOnLine[bind.Line] = bind.Channel;
        long generation = _bindGeneration[bind.Line] = _bindGeneration.GetValueOrDefault(bind.Line) + 1;
        _channels[bind.Channel].Tell(new LineBound(bind.Line, generation) { FifoAddress = _fifoOnLine.TryGetValue(bind.Line, out var fifo) ? fifo : null });
        Flush(bind.Line, generation);
    }

    /// <summary>Flushes the device on <paramref name="line"/>, telling it the binding its next requests fall under.</summary>
    private void Flush(int line, long generation)
    {
        if (!_deviceOnLine.TryGetValue(line, out var device)) return;
        _flushesUnacknowledged[line] = _flushesUnacknowledged.GetValueOrDefault(line) + 1;
        device.Tell(new FlushRequests(line) { BindGeneration = generation });
    }

    private void OnDrq(DrqRaised drq)
    {
        // Raised before the device saw our flush: stale, the device has taken it back.
        if (_flushesUnacknowledged.GetValueOrDefault(drq.Line) > 0 && !_settings.WithoutStaleRequestChecks) return;
        if (!_channelOnLine.TryGetValue(drq.Line, out int channel)) return;
        // Forward with the device as sender: the channel acknowledges straight to it. The device
        // stamped the binding it learnt at the last flush; a device wired after the bind did not.
        long generation = _bindGeneration[drq.Line];
        _channels[channel].Tell(drq.BindGeneration == generation ? drq : drq with { BindGeneration = generation }, Sender);
    }
}
