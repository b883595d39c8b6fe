using Akka.Actor;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Memory;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

/// <summary>
/// An RX device whose remote end sends bytes it is fed (<see cref="SendOnWire"/> over a
/// <see cref="WireLog"/>, what the façade's DmaPeripheral.Feed uses): they arrive at the wire's
/// rate from the moment they are sent, in order, and then the wire falls silent.
/// </summary>
public sealed class WireFeedTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void Fed_bytes_arrive_at_the_wire_rate_in_order_then_the_wire_falls_silent()
    {
        var controller = DmaController.Start(Sys, new ControllerConfig { Memory = PhysicalMemory.Create(0x8000_0000, 1 << 20) });
        var profile = DeviceProfile.Uart3M(DmaTransferDirection.DevToMem);   // 10 bits a frame: 3333 ns
        var wire = new WireLog();
        var device = Sys.Simulation().ActorOf(SlaveDeviceActor.PropsFor(profile, 3, controller.Arbiter, new DataPattern(1), null, wire), "uart-fed");
        controller.ConnectDevice(3, device);
        DeviceStatsReply Stats() => device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);

        Sys.Advance(Duration.FromMicroseconds(100));
        Assert.Equal(0, Stats().WireBytes);   // nothing fed: the line is silent

        wire.Append([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        device.Tell(new SendOnWire(10));
        Sys.Advance(Duration.FromNanoseconds(profile.Timing.Offset(5)));
        Assert.Equal(5, Stats().WireBytes);

        Sys.Advance(Duration.FromMilliseconds(1));
        var afterFirst = Stats();
        Assert.Equal((10L, 10), (afterFirst.WireBytes, afterFirst.FifoLevel));

        wire.Append([11, 12, 13, 14]);
        device.Tell(new SendOnWire(4));
        Sys.Advance(Duration.FromMilliseconds(1));
        Assert.Equal(14, Stats().WireBytes);
    }
}
