using Akka.Actor;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Actors.Tests.Devices;

public sealed class MmcReadTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 7;
    private const int Block = 512;

    public static TheoryData<int[]> Descriptors => new() { new[] { 1024 }, new[] { 256, 128, 640 } };

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void An_mmc_read_as_flow_controller_ends_the_descriptor_on_the_last_request_with_the_rest_as_residue(int[] chunks)
    {
        var profile = DeviceProfile.Mmc(DmaTransferDirection.DevToMem);
        var pattern = new DataPattern(seed: 512);
        var rig = new DeviceRig(Sys, profile, pattern, Line);
        var sg = new List<(ulong, int)>();
        ulong address = DeviceRig.RamBase;
        foreach (int length in chunks)
        {
            sg.Add((address, length));
            address += (ulong)length + 4096; // scattered
        }
        var done = CreateTestProbe();
        var spec = TransferSpec.SlaveSg(DmaTransferDirection.DevToMem, sg, Line, beatBytes: 4, maxBurst: 16) with { FlowController = FlowController.Device };
        int cookie = rig.Issue(0, spec, outcome => done.Ref.Tell(outcome));

        rig.Device.Tell(new StartDevice(WireBytes: Block));
        var outcome = done.ExpectMsg<DmaengineResult>(Duration.FromSeconds(3));

        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, chunks.Sum() - Block), outcome);
        Assert.True(World.Clock.NowNanoseconds >= profile.Timing.Offset(Block), "The block cannot end before its last byte has come off the card.");
        var landed = sg.SelectMany(c => rig.Read(c.Item1, c.Item2)).ToArray();
        Assert.Equal(pattern.Bytes(0, Block), landed[..Block]);
        Assert.All(landed[Block..], b => Assert.Equal(0, b));
        Assert.Equal(DmaStatus.Complete, rig.Status(0, cookie).Status);
        var stats = rig.Stats();
        Assert.Equal((Block, 1L, 1L, 8L), (stats.DmaBytes, stats.LastRequests, stats.Blocks, stats.BurstRequests));
        Output?.WriteLine($"block done at {World.Clock.NowNanoseconds} ns (last byte off the card at {profile.Timing.Offset(Block)} ns), residue {outcome.Residue}");
    }

    [Fact]
    public void An_mmc_read_without_a_descriptor_stalls_the_card_and_loses_nothing()
    {
        var pattern = new DataPattern(seed: 2048);
        var rig = new DeviceRig(Sys, DeviceProfile.Mmc(DmaTransferDirection.DevToMem), pattern, Line);
        rig.Device.Tell(new StartDevice(WireBytes: 4 * Block));
        Advance(Duration.FromMilliseconds(1));

        int cookie = rig.Issue(0, TransferSpec.SlaveSg(DmaTransferDirection.DevToMem, [(DeviceRig.RamBase, 4 * Block)], Line, beatBytes: 4, maxBurst: 16));
        Advance(Duration.FromMilliseconds(1));

        Assert.Equal(0, rig.Status(0, cookie).Residue);
        Assert.Equal(pattern.Bytes(0, 4 * Block), rig.Read(DeviceRig.RamBase, 4 * Block));
        var stats = rig.Stats();
        Assert.Equal((0L, 4L), (stats.Overruns, stats.Blocks));
    }
}
