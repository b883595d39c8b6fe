using DmaActors.Actors.Arbitration;
using DmaActors.Api.Provider;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Provider;

/// <summary>
/// A pl330-like controller registers more channels than it has hardware threads; a request binds a
/// free thread in <c>device_alloc_chan_resources</c> and fails when none is left; a release frees
/// one (V-20, C-10, H-11).
/// </summary>
public sealed class HardwareThreadAllocationTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static DmaDeviceDescription TwoThreads() => ApiRig.MemcpyDevice("pl330", channels: 4) with { PhysicalChannels = 2, Multiplexing = ChannelMultiplexing.Dedicated };

    [Fact]
    public void A_dedicated_controller_with_more_channels_than_threads_registers_all_its_channels_V20()
    {
        var rig = new ApiRig(Sys);

        var device = rig.Engine.DmaAsyncDeviceRegister(TwoThreads());

        Assert.Equal(4, device.Slots.Count);
    }

    [Fact]
    public void The_third_request_on_two_threads_gets_null_and_a_release_frees_a_thread_V20_C10()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(TwoThreads());

        var first = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null);
        var second = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null);
        var third = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(third);
        var byMask = DmaExceptionAssert.Throws("ENODEV", "C-11", () => rig.Engine.RequestChanByMask(DmaCapMask.Memcpy));
        Assert.Contains("ENOMEM", byMask.Message, StringComparison.Ordinal);
        Assert.Contains("hardware threads", byMask.Message, StringComparison.Ordinal);

        rig.Engine.ReleaseChannel(first!);
        var again = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null);

        Assert.NotNull(again);
        Assert.Null(rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null));
    }

    [Fact]
    public void Every_allocated_channel_moves_its_data_on_its_own_thread_and_a_reallocated_channel_too_V20()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(TwoThreads());
        var a = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        var b = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        Copy(rig, a, slot: 0);
        Copy(rig, b, slot: 1);
        rig.Engine.ReleaseChannel(a);
        var c = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;

        Copy(rig, c, slot: 2);
        Copy(rig, b, slot: 3);
    }

    private static void Copy(ApiRig rig, DmaChan chan, int slot)
    {
        var pattern = rig.Fill(ApiRig.Source(slot), 512, slot);
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(slot), ApiRig.Source(slot), 512, DmaCtrlFlags.PrepInterrupt)!;
        int cookie = desc.Submit();
        chan.IssuePending();
        Assert.Equal(DmaStatus.Complete, chan.SyncWait(cookie));
        Assert.Equal(pattern, rig.Read(ApiRig.Destination(slot), 512));
    }
}
