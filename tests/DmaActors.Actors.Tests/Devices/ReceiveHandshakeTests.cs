using Akka.Actor;
using Akka.TestKit;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

/// <summary>An RX device against a probe standing in for the controller: the DRQ handshake, request by request.</summary>
public sealed class ReceiveHandshakeTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 2;
    private static readonly DataPattern Pattern = new(seed: 99);
    private static readonly WireTiming Uart = DeviceProfile.Uart115200(DmaTransferDirection.DevToMem).Timing;

    [Fact]
    public void A_burst_carrying_the_first_watermark_bytes_is_raised_when_the_16th_character_has_arrived()
    {
        var (device, controller) = StartUart();

        var drq = controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));

        Assert.Equal(Uart.Offset(16), World.Clock.NowNanoseconds);
        Assert.Equal(1_388_888, World.Clock.NowNanoseconds);
        Assert.Equal(new DrqRaised(Line, DrqKind.Burst, 16, false, null) with { Data = drq.Data }, drq);
        Assert.Equal(Pattern.Bytes(0, 16), drq.Data);
        Assert.Equal(device, controller.LastSender);
    }

    [Fact]
    public void Only_one_request_is_outstanding_and_a_full_fifo_counts_every_lost_character_as_an_overrun()
    {
        var listener = CreateTestProbe();
        var (device, controller) = StartUart(listener.Ref);
        controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));

        controller.ExpectNoMsg(Duration.FromMilliseconds(10));
        var stats = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);

        long arrived = Uart.FramesWithin(World.Clock.NowNanoseconds);
        Assert.Equal(arrived, stats.WireBytes);
        Assert.Equal(64, stats.FifoLevel);
        Assert.Equal(16, stats.OutstandingBytes);
        Assert.Equal(arrived - 64, stats.Overruns);
        Assert.Equal(stats.Overruns, stats.BytesLost);
        Assert.Equal(1, stats.Requests);
        // The 65th character is the first with no room: the listener hears when it arrived.
        var overrun = listener.ExpectMsg<FifoOverrun>(Duration.FromSeconds(3));
        Assert.Equal(Uart.Offset(65), overrun.AtNanoseconds);
    }

    [Fact]
    public void Unconsumed_bytes_go_back_to_the_front_of_the_fifo_in_order()
    {
        var (device, controller) = StartUart();
        controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));

        device.Tell(new DrqAcknowledged(Line, DrqKind.Burst) { ConsumedBytes = 10 }, controller.Ref);
        var next = controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));

        // 6 bytes went back; 10 more characters make the next burst.
        Assert.Equal(Uart.Offset(26), World.Clock.NowNanoseconds);
        Assert.Equal(Pattern.Bytes(10, 16), next.Data);
        var stats = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);
        Assert.Equal(10, stats.DmaBytes);
        Assert.Equal(6, stats.BytesReturned);
    }

    [Fact]
    public void A_flush_returns_the_outstanding_bytes_and_raises_them_again_at_once()
    {
        var (device, controller) = StartUart();
        var first = controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));
        long raisedAt = World.Clock.NowNanoseconds;

        device.Tell(new FlushRequests(Line), controller.Ref);
        // The flush is acknowledged before anything new is raised (PL330 drtype 10).
        controller.ExpectMsg<FlushAcknowledged>(Duration.FromSeconds(3), a => a.Line == Line);
        var again = controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));

        Assert.Equal(raisedAt, World.Clock.NowNanoseconds);
        Assert.Equal(first.Data, again.Data);
        var stats = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);
        Assert.Equal((1, 2, 0L), (stats.Flushes, stats.Requests, stats.DmaBytes));
    }

    [Fact]
    public void The_rx_timeout_drains_trailing_characters_with_single_requests()
    {
        var (device, controller) = StartUart(wireBytes: 20);
        var burst = controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));
        device.Tell(new DrqAcknowledged(Line, burst.Kind), controller.Ref);

        var singles = new List<DrqRaised>();
        for (int i = 0; i < 4; i++)
        {
            singles.Add(controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3)));
            if (i == 0) Assert.Equal(Uart.Offset(20) + Uart.Offset(4), World.Clock.NowNanoseconds);
            device.Tell(new DrqAcknowledged(Line, DrqKind.Single), controller.Ref);
        }

        Assert.All(singles, s => Assert.Equal((DrqKind.Single, 1), (s.Kind, s.Bytes)));
        Assert.Equal(Pattern.Bytes(16, 4), singles.SelectMany(s => s.Data!).ToArray());
        controller.ExpectNoMsg(Duration.FromMilliseconds(5));
        var stats = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);
        Assert.Equal((20L, 20L, 0), (stats.WireBytes, stats.DmaBytes, stats.FifoLevel));
    }

    [Fact]
    public void An_injected_overrun_loses_the_next_character_from_the_wire()
    {
        var (device, controller) = StartUart();
        device.Tell(new InjectDeviceFault(DeviceFaultKind.Overrun));

        var drq = controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));

        Assert.Equal(Pattern.Bytes(1, 16), drq.Data);
        Assert.Equal(Uart.Offset(17), World.Clock.NowNanoseconds);
        var stats = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);
        Assert.Equal((1L, 1L), (stats.Overruns, stats.BytesLost));
    }

    [Fact]
    public void Timing_does_not_drift_after_an_hour_of_characters()
    {
        // 115 200 baud 8N1 for an hour: 41 472 000 characters, the last one ending exactly on the hour.
        Assert.Equal(3_600_000_000_000, Uart.Offset(41_472_000));
        Assert.Equal(41_472_000, Uart.FramesWithin(3_600_000_000_000));
        Assert.Equal(41_471_999, Uart.FramesWithin(3_600_000_000_000 - 1));
    }

    private (IActorRef Device, TestProbe Controller) StartUart(IActorRef? listener = null, long? wireBytes = null)
    {
        var controller = CreateTestProbe("arbiter");
        var device = Sys.ActorOf(SlaveDeviceActor.PropsFor(DeviceProfile.Uart115200(DmaTransferDirection.DevToMem), Line, controller.Ref, Pattern, listener), "uart");
        device.Tell(new StartDevice(wireBytes));
        return (device, controller);
    }
}
