using Akka.Actor;
using DmaActors.Actors.Arbitration;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

/// <summary>
/// A device-paced burst (the DRQ handshake) allocates two objects with tracing off: the bytes it
/// moves and the message carrying them (DEV_TO_MEM: the device's request; MEM_TO_DEV: the
/// channel's delivery to the FIFO). Bytes in flight are never re-used, since a receiver may keep
/// the message. Routing, the bus request and grant, the acknowledgement, a MEM_TO_DEV request and
/// the device's wire timer are re-used. Measured over the middle of a long MMC transfer on the
/// deterministic dispatcher.
/// </summary>
public sealed class DrqAllocationTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 7;
    private const int Bytes = 1 << 20;
    private const int OneOffAllowance = 8192;

    // On x64: DrqRaised 48 B, FifoData 32 B, the 64 bytes 88 B with their array header.
    [Theory]
    [InlineData(DmaTransferDirection.DevToMem, 48 + 88)]
    [InlineData(DmaTransferDirection.MemToDev, 32 + 88)]
    public void A_drq_burst_allocates_only_its_bytes_and_the_message_carrying_them(DmaTransferDirection direction, int expectedBytesPerBurst)
    {
        var rig = new DeviceRig(Sys, DeviceProfile.Mmc(direction), new DataPattern(seed: 1), Line);
        rig.Memory.Fill(DeviceRig.RamBase, 0, Bytes);
        rig.Issue(0, TransferSpec.SlaveSg(direction, [(DeviceRig.RamBase, Bytes)], Line, beatBytes: 4, maxBurst: 16));
        rig.Device.Tell(new StartDevice(WireBytes: Bytes));
        Advance(Duration.FromMicroseconds(200));
        long bursts = rig.Stats().BurstRequests;

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        Advance(Duration.FromMicroseconds(2_000));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        bursts = rig.Stats().BurstRequests - bursts;

        Assert.True(bursts > 500, $"only {bursts} bursts in 2 ms");
        double perBurst = allocated / (double)bursts;
        Output?.WriteLine($"{direction}: {allocated} B over {bursts} bursts = {perBurst:F1} B per burst");
        // A one-off allocation (a type loaded on first use) is allowed; one more object per burst (24 B or more, 18 KB over these bursts) is not.
        Assert.True(allocated <= (bursts * expectedBytesPerBurst) + OneOffAllowance, $"{perBurst:F1} B allocated per DRQ burst; the bytes and their message are {expectedBytesPerBurst} B.");
    }
}
