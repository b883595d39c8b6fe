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

/// <summary>A TX device against a probe standing in for the controller: room requests, data delivery, underruns.</summary>
public sealed class TransmitHandshakeTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 6;
    private static readonly DataPattern Pattern = new(seed: 3);
    private static readonly WireTiming I2s = DeviceProfile.I2s(DmaTransferDirection.MemToDev).Timing;

    [Fact]
    public void A_tx_device_asks_for_a_burst_of_room_without_data()
    {
        var (_, controller) = Start(DeviceProfile.Uart115200(DmaTransferDirection.MemToDev), start: false);

        var drq = controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));

        Assert.Equal(new DrqRaised(Line, DrqKind.Burst, 16, false, null), drq);
        Assert.Equal(0, World.Clock.NowNanoseconds);
    }

    [Fact]
    public void A_continuous_clock_counts_one_underrun_per_frame_slot_without_a_sample()
    {
        var listener = CreateTestProbe();
        var (device, controller) = Start(DeviceProfile.I2s(DmaTransferDirection.MemToDev), start: true, listener.Ref);
        controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));

        Advance(Duration.FromMilliseconds(1));
        var stats = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);

        // Slots start at 0, 20.833 us, ...: 49 of them have started by 1 ms (the 49th at 1 ms exactly).
        Assert.Equal(49, I2s.FramesWithin(1_000_000) + 1);
        Assert.Equal(49, stats.Underruns);
        Assert.Equal(0, stats.WireBytes);
        Assert.Equal(0L, listener.ExpectMsg<FifoUnderrun>(Duration.FromSeconds(3)).AtNanoseconds);
    }

    [Fact]
    public void Delivered_samples_play_in_order_after_an_underrun_and_are_checked_against_the_pattern()
    {
        var (device, controller) = Start(DeviceProfile.I2s(DmaTransferDirection.MemToDev), start: true);
        controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));
        Advance(Duration.FromMicroseconds(30)); // slots 0 and 1 go silent

        device.Tell(new FifoData(Line, Pattern.Bytes(0, 32)), controller.Ref);
        device.Tell(new DrqAcknowledged(Line, DrqKind.Burst), controller.Ref);
        var next = controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));
        Advance(Duration.FromMilliseconds(1));
        var stats = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);

        // 32 bytes = 8 frames, played in slots 2..9; with 96 bytes free the next request went out at once.
        Assert.Equal(30_000, next is { Kind: DrqKind.Burst, Bytes: 32 } ? World.Clock.NowNanoseconds - 1_000_000 : -1);
        Assert.Equal(32, stats.WireBytes);
        Assert.Equal(0, stats.Mismatches);
        Assert.Equal(I2s.FramesWithin(World.Clock.NowNanoseconds) + 1 - 8, stats.Underruns);
        Assert.Equal(I2s.Offset(10), stats.WireBusyUntilNanoseconds);
    }

    [Fact]
    public void A_wrong_byte_on_the_wire_is_counted_as_a_mismatch_with_its_stream_index()
    {
        var (device, controller) = Start(DeviceProfile.Uart3M(DmaTransferDirection.MemToDev), start: true);
        controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));
        var data = Pattern.Bytes(0, 16);
        data[5] ^= 0xFF;

        device.Tell(new FifoData(Line, data), controller.Ref);
        device.Tell(new DrqAcknowledged(Line, DrqKind.Burst), controller.Ref);
        Advance(Duration.FromMilliseconds(1));
        var stats = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);

        Assert.Equal((16L, 1L, 5L, 0L), (stats.WireBytes, stats.Mismatches, stats.FirstMismatchIndex, stats.Underruns));
    }

    [Fact]
    public void An_injected_underrun_delays_the_next_frame_by_one_slot()
    {
        var (device, controller) = Start(DeviceProfile.I2s(DmaTransferDirection.MemToDev), start: false);
        controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));
        device.Tell(new FifoData(Line, Pattern.Bytes(0, 32)), controller.Ref);
        device.Tell(new DrqAcknowledged(Line, DrqKind.Burst), controller.Ref);
        controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));
        device.Tell(new StartDevice());
        device.Tell(new InjectDeviceFault(DeviceFaultKind.Underrun));

        Advance(Duration.FromNanoseconds(I2s.Offset(8)));
        var stats = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);

        // Slots 0..8 have started: one silent, eight with data.
        Assert.Equal((1L, 32L, 0L), (stats.Underruns, stats.WireBytes, stats.Mismatches));
    }

    [Fact]
    public void A_device_flow_controller_marks_the_request_that_completes_its_block_last_and_requests_the_tail_by_beats()
    {
        var profile = DeviceProfile.Mmc(DmaTransferDirection.DevToMem) with { BlockBytes = 72 };
        var (device, controller) = Start(profile, start: true, wireBytes: 72);

        var requests = new List<DrqRaised>();
        for (int i = 0; i < 3; i++)
        {
            requests.Add(controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3)));
            device.Tell(new DrqAcknowledged(Line, requests[^1].Kind), controller.Ref);
        }

        Assert.Equal(
            [(DrqKind.Burst, 64, false), (DrqKind.Single, 4, false), (DrqKind.Single, 4, true)],
            requests.Select(r => (r.Kind, r.Bytes, r.Last)));
        Assert.Equal(Pattern.Bytes(0, 72), requests.SelectMany(r => r.Data!).ToArray());
        var stats = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);
        Assert.Equal((1L, 1L), (stats.Blocks, stats.LastRequests));
    }

    [Fact]
    public void Backpressure_stalls_the_card_instead_of_overrunning_and_resumes_when_there_is_room()
    {
        var mmc = DeviceProfile.Mmc(DmaTransferDirection.DevToMem);
        var (device, controller) = Start(mmc, start: true, wireBytes: 2048);
        controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));

        Advance(Duration.FromMilliseconds(1));
        var stalled = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);
        Assert.Equal((512L, 512, 0L), (stalled.WireBytes, stalled.FifoLevel, stalled.Overruns));
        Assert.Equal(mmc.Timing.Offset(512), stalled.WireBusyUntilNanoseconds);

        long ackAt = World.Clock.NowNanoseconds;
        device.Tell(new DrqAcknowledged(Line, DrqKind.Burst), controller.Ref);
        var next = controller.ExpectMsg<DrqRaised>(Duration.FromSeconds(3));
        Assert.Equal(ackAt, World.Clock.NowNanoseconds);
        Assert.Equal(Pattern.Bytes(64, 64), next.Data);

        Advance(Duration.FromNanoseconds(mmc.Timing.Offset(16)));
        var resumed = device.AskBlocking<DeviceStatsReply>(GetDeviceStats.Instance);
        Assert.Equal(512 + 16, resumed.WireBytes);
        Assert.Equal(ackAt + mmc.Timing.Offset(16), resumed.WireBusyUntilNanoseconds);
    }

    private (IActorRef Device, TestProbe Controller) Start(DeviceProfile profile, bool start, IActorRef? listener = null, long? wireBytes = null)
    {
        var controller = CreateTestProbe("arbiter");
        var device = Sys.ActorOf(SlaveDeviceActor.PropsFor(profile, Line, controller.Ref, Pattern, listener), "device");
        if (start) device.Tell(new StartDevice(wireBytes));
        return (device, controller);
    }
}
