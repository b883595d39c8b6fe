using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

/// <summary>
/// A device-paced burst (the DRQ handshake) allocates at most two objects with tracing off: the
/// request the device raises, and for DEV_TO_MEM the bytes it carries. Routing, the bus request
/// and grant, the acknowledgement, the MEM_TO_DEV delivery buffer and the device's wire timer are
/// all re-used. Measured over the middle of a long MMC transfer on the deterministic dispatcher.
/// </summary>
public sealed class DrqAllocationTests(ITestOutputHelper output) : ActorTestKit(output)
{
    private const int Line = 7;
    private const int Bytes = 1 << 20;
    private const int OneOffAllowance = 8192;

    // DrqRaised is 48 B on x64; the DEV_TO_MEM bytes are a 64-byte array (88 B with its header).
    [Theory]
    [InlineData(TransferDirection.DevToMem, 48 + 88)]
    [InlineData(TransferDirection.MemToDev, 48)]
    public void A_drq_burst_allocates_only_the_request_and_its_bytes(TransferDirection direction, int expectedBytesPerBurst)
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
        Assert.True(allocated <= (bursts * expectedBytesPerBurst) + OneOffAllowance, $"{perBurst:F1} B allocated per DRQ burst; the request and its bytes are {expectedBytesPerBurst} B.");
    }
}
