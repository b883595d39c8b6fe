using Akka.Actor;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

/// <summary>
/// Bytes must not be lost or duplicated where one descriptor ends and the next begins on the same
/// request line: a request flushed by a terminate, or consumed only in part at a descriptor's end,
/// goes back to the device's FIFO and lands in the next descriptor.
/// </summary>
public sealed class RequestLineFlushTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 3;
    private const ulong BufferA = DeviceRig.RamBase;
    private const ulong BufferB = DeviceRig.RamBase + 0x10_0000;
    private const int BufferBytes = 4096;

    [Fact]
    public void Terminating_mid_receive_with_a_request_pending_neither_loses_nor_duplicates_a_byte()
    {
        var rig = Uart();
        rig.Device.Tell(new StartDevice());
        rig.Issue(0, Receive(BufferA, BufferBytes));
        Advance(Duration.FromMilliseconds(100));
        // Paused, the channel holds the device's next request unserved: 2 ms later the FIFO has
        // 16 bytes in that request and 7 more behind it.
        rig.Controller.Channel(0).AskBlocking<PauseChannelReply>(PauseChannel.Instance);
        Advance(Duration.FromMilliseconds(2));
        var beforeTerminate = rig.Stats();

        var terminated = rig.Controller.Channel(0).AskBlocking<TerminateChannelReply>(TerminateChannel.Instance);
        int cookieB = rig.Issue(0, Receive(BufferB, BufferBytes));
        Advance(Duration.FromMilliseconds(100));
        rig.Device.Tell(StopDevice.Instance);
        Advance(Duration.FromMilliseconds(5)); // the RX timeout drains what is left in the FIFO

        long landedA = terminated.BytesMovedByActive;
        long landedB = BufferBytes - rig.Status(0, cookieB).Residue;
        var stats = rig.Stats();
        Output?.WriteLine($"A landed {landedA} B, B landed {landedB} B, wire {stats.WireBytes} B, flushes {stats.Flushes}, returned {stats.BytesReturned} B, at terminate {beforeTerminate.FifoLevel} B in the FIFO ({beforeTerminate.OutstandingBytes} B requested)");
        Assert.Equal((23, 16), (beforeTerminate.FifoLevel, beforeTerminate.OutstandingBytes));
        Assert.Equal(0, stats.BytesLost);
        Assert.Equal(0, stats.FifoLevel);
        Assert.Equal(stats.WireBytes, landedA + landedB);
        Assert.True(stats.BytesReturned >= 16, "The flushed request's bytes went back to the FIFO.");
        var landed = rig.Read(BufferA, landedA).Concat(rig.Read(BufferB, landedB)).ToArray();
        Assert.Equal(rig.Pattern.Bytes(0, landed.Length), landed);
    }

    [Fact]
    public void Back_to_back_descriptors_split_a_burst_at_their_boundary_without_losing_a_byte()
    {
        var rig = Uart();
        rig.Submit(0, Receive(BufferA, 1000));
        rig.Issue(0, Receive(BufferB, 1000));
        rig.Device.Tell(new StartDevice());

        Advance(Duration.FromMilliseconds(200));
        var stats = rig.Stats();

        // 1000 = 62 × 16 + 8: A's last request was consumed in part, the other 8 bytes went back.
        var landed = rig.Read(BufferA, 1000).Concat(rig.Read(BufferB, 1000)).ToArray();
        Assert.Equal(rig.Pattern.Bytes(0, 2000), landed);
        Assert.True(stats.BytesReturned >= 8);
        Assert.Equal(2000, stats.DmaBytes);
        Assert.Equal(stats.WireBytes - stats.BytesLost, stats.DmaBytes + stats.FifoLevel);
    }

    [Fact]
    public void Characters_lost_while_no_descriptor_is_issued_are_counted_and_the_rest_arrive_in_order()
    {
        var rig = Uart();
        rig.Device.Tell(new StartDevice());
        rig.Issue(0, Receive(BufferA, BufferBytes));
        Advance(Duration.FromMilliseconds(50));
        var terminated = rig.Controller.Channel(0).AskBlocking<TerminateChannelReply>(TerminateChannel.Instance);
        Advance(Duration.FromMilliseconds(20)); // nobody drains the FIFO: it fills, then overruns

        int cookieB = rig.Issue(0, Receive(BufferB, BufferBytes));
        Advance(Duration.FromMilliseconds(50));
        rig.Device.Tell(StopDevice.Instance);
        Advance(Duration.FromMilliseconds(5));

        long landedA = terminated.BytesMovedByActive;
        long landedB = BufferBytes - rig.Status(0, cookieB).Residue;
        var stats = rig.Stats();
        Output?.WriteLine($"A landed {landedA} B, B landed {landedB} B, wire {stats.WireBytes} B, lost {stats.BytesLost} B in {stats.Overruns} overruns");
        Assert.True(stats.BytesLost > 0);
        Assert.Equal(stats.WireBytes - stats.BytesLost, landedA + landedB + stats.FifoLevel);
        // The FIFO kept the 64 oldest characters; the ones after them were lost, then the stream went on.
        long fifoStart = landedA, lostStart = landedA + 64, resumed = lostStart + stats.BytesLost;
        var expected = rig.Pattern.Bytes(0, (int)lostStart).Concat(rig.Pattern.Bytes(resumed, (int)(landedB - 64))).ToArray();
        var landed = rig.Read(BufferA, landedA).Concat(rig.Read(BufferB, landedB)).ToArray();
        Assert.Equal(fifoStart + 64, lostStart);
        Assert.Equal(expected, landed);
    }

    private DeviceRig Uart() => new(Sys, DeviceProfile.Uart115200(DmaTransferDirection.DevToMem), new DataPattern(seed: 5), Line);

    private static TransferSpec Receive(ulong buffer, int bytes) =>
        TransferSpec.SlaveSg(DmaTransferDirection.DevToMem, [(buffer, bytes)], Line, beatBytes: 1, maxBurst: 16);
}
