using DmaActors.Actors.Tests.Channels;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Arbitration;

/// <summary>
/// The per-burst hot path (two memcpys competing for the bus, so every burst is granted on its
/// own) allocates nothing per burst with tracing off and no faults: the request, the grant and
/// the bus timer are re-used. Measured on the deterministic dispatcher, where the whole
/// simulation runs on the test's thread, over a stretch of virtual time in the middle of the
/// transfers (no descriptor starts or ends in it, no memory frame is touched for the first time).
/// </summary>
public sealed class BurstAllocationTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Bytes = 4 << 16; // four 64 KiB test slots each

    [Fact]
    public void Contending_bursts_allocate_nothing_per_burst()
    {
        var rig = new DmaRig(Sys);
        // Touch the destinations first: sparse memory allocates a frame on its first write.
        rig.Memory.Fill(DmaRig.Destination(0), 0, 2 * Bytes);
        var first = rig.Memcpy(0, slot: 0, Bytes);
        var second = rig.Memcpy(1, slot: 4, Bytes);
        rig.Issue(0);
        rig.Issue(1);
        Advance(Duration.FromMicroseconds(20)); // both running, every buffer at its steady size

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        Advance(Duration.FromMicroseconds(400)); // 2,500 bursts of 160 ns, alternating
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(0, rig.Log.Count);
        // A one-off allocation (a type loaded on first use) is allowed; an object per burst (24 B or more, 60 KB here) is not.
        Assert.True(allocated < 8_192, $"{allocated} bytes allocated over 2,500 bursts: something is allocated per burst.");
        rig.RunUntilCallbacks(2);
        Assert.Equal(first.Pattern, rig.Read(DmaRig.Destination(0), Bytes));
        Assert.Equal(second.Pattern, rig.Read(DmaRig.Destination(4), Bytes));
    }
}
