using Akka.Actor;
using DmaActors.Actors.Bus;
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
/// The descriptor boundary on a request line under many interleavings: whichever order the
/// channel's release flush, the arbiter's bind flush and the device's fresh request take, each
/// byte from the wire lands once.
/// </summary>
public sealed class RequestLineScheduleTests(ITestOutputHelper output)
{
    private const int Line = 3;
    private const int Each = 1000;   // 62 bursts of 16 and a last one consumed in part
    private const int Descriptors = 6;

    [Fact]
    public void Back_to_back_receive_descriptors_never_duplicate_a_byte_whatever_the_schedule()
    {
        ScheduleExploration.Explore(200, system => EveryByteLandsOnce(system, withoutStaleRequestChecks: false), output: output);
    }

    /// <summary>
    /// Without the stale-request checks (the flush acknowledgement the arbiter waits for, and the
    /// bind generation a channel checks) a request raised before a flush is served as well as the
    /// fresh one the device raises after taking its bytes back: bytes land twice. Exploration
    /// found this before the checks existed; it must still find it, and replay it by its seed.
    /// </summary>
    [Fact]
    public void Exploration_finds_the_duplicated_bytes_when_the_stale_request_checks_are_switched_off_and_replays_the_seed()
    {
        var failure = Assert.Throws<ScheduleFailedException>(() =>
            ScheduleExploration.Explore(200, system => EveryByteLandsOnce(system, withoutStaleRequestChecks: true), output: output));
        output.WriteLine($"First failing seed without the stale-request checks: {failure.Seed}.");

        var replay = Assert.Throws<ScheduleFailedException>(() =>
            ScheduleExploration.Explore([failure.Seed], system => EveryByteLandsOnce(system, withoutStaleRequestChecks: true)));
        Assert.Equal(failure.Trace.Fingerprint, replay.Trace.Fingerprint);
    }

    private static void EveryByteLandsOnce(ActorSystem system, bool withoutStaleRequestChecks)
    {
        var pattern = new DataPattern(seed: 5);
        var rig = new DeviceRig(
            system, DeviceProfile.Uart3M(DmaTransferDirection.DevToMem), pattern, Line, new BusTiming(4, 100_000_000), ramBytes: 64 << 20,
            configure: config => config with { WithoutStaleRequestChecks = withoutStaleRequestChecks });
        for (int i = 0; i < Descriptors; i++) rig.Submit(0, Receive(i));
        rig.Controller.Open(0).IssuePending();
        // 16 KiB memcpy bursts keep the bus 41 us at a time, so ~12 characters queue up behind
        // each request: at a descriptor's end the 8 returned bytes and those make the device
        // raise at once, while the channel is finishing, and the release flushes that request.
        rig.Issue(1, TransferSpec.Memcpy(DeviceRig.RamBase + (16 << 20), DeviceRig.RamBase + (32 << 20), 16 << 20, 16 << 10));
        rig.Device.Tell(new StartDevice());

        system.Advance(Duration.FromMilliseconds(25));

        var landed = Enumerable.Range(0, Descriptors).SelectMany(i => rig.Read(Buffer(i), Each)).ToArray();
        Assert.Equal(pattern.Bytes(0, landed.Length), landed);
        Assert.Equal(Each * Descriptors, rig.Stats().DmaBytes);
    }

    private static ulong Buffer(int i) => DeviceRig.RamBase + (ulong)(i * 4096);

    private static TransferSpec Receive(int i) => TransferSpec.SlaveSg(DmaTransferDirection.DevToMem, [(Buffer(i), Each)], Line, beatBytes: 1, maxBurst: 16);
}
