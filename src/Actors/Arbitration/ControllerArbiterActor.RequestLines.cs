using DmaActors.Actors.Devices;
using DmaActors.Runtime;
using Microsoft.Extensions.Logging;

namespace DmaActors.Actors.Arbitration;

// DRQ routing. A device is wired to a request line; a physical channel binds the line while it
// runs a slave descriptor on it. Binding flushes the device (DMAFLUSHP), so a request raised
// before the channel was ready is raised again, fresh, to the right channel. A request on an
// unbound line is held (the hardware line stays asserted) until the next flush drops it.
public sealed partial class ControllerArbiterActor
{
    private readonly Dictionary<int, IActorRef> _deviceOnLine = [];
    private readonly Dictionary<int, int> _channelOnLine = [];

    private void ReceiveRequestLines()
    {
        Receive<ConnectDevice>(c => _deviceOnLine[c.Line] = c.Device);
        Receive<BindRequestLine>(OnBind);
        Receive<UnbindRequestLine>(u =>
        {
            if (_channelOnLine.TryGetValue(u.Line, out int channel) && channel == u.Channel) _channelOnLine.Remove(u.Line);
        });
        Receive<DrqRaised>(OnDrq);
    }

    private void OnBind(BindRequestLine bind)
    {
        if (_channelOnLine.TryGetValue(bind.Line, out int other) && other != bind.Channel)
        {
            // Two descriptors on one request line at once: a wiring error of the model above,
            // reported rather than thrown so the arbiter's state survives.
            Context.Log.LogError("Request line {Line} is already served by physical channel {Other}; channel {Channel} cannot bind it too", bind.Line, other, bind.Channel);
            return;
        }
        _channelOnLine[bind.Line] = bind.Channel;
        if (_deviceOnLine.TryGetValue(bind.Line, out var device)) device.Tell(new FlushRequests(bind.Line));
    }

    private void OnDrq(DrqRaised drq)
    {
        // Forward with the device as sender: the channel acknowledges straight to it.
        if (_channelOnLine.TryGetValue(drq.Line, out int channel)) _channels[channel].Tell(drq, Sender);
    }
}
