using DmaActors.Actors.Channels;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

public sealed class ReuseTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void Set_reuse_on_a_memcpy_only_channel_is_ENXIO_C58_H15()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var desc = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.None)!;
        DmaExceptionAssert.Throws("ENXIO", "C-14", desc.SetReuse);
    }

    [Fact]
    public void Set_reuse_without_descriptor_reuse_is_EPERM_C58()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice() with { DescriptorReuse = false });
        var desc = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.None)!;
        DmaExceptionAssert.Throws("EPERM", "C-58", desc.SetReuse);
        Assert.False(desc.TestReuse());
    }

    [Fact]
    public void Free_without_the_reuse_flag_is_EPERM_C59()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var desc = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.None)!;
        DmaExceptionAssert.Throws("EPERM", "C-59", desc.Free);
    }

    [Fact]
    public void A_reusable_descriptor_is_resubmitted_with_a_new_cookie_until_reuse_is_cleared_or_it_is_freed_C59_C60()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        int done = 0;
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 256, DmaCtrlFlags.PrepInterrupt)!;
        desc.Callback = _ => done++;
        desc.SetReuse();
        Assert.True(desc.TestReuse());

        var cookies = new List<int>();
        for (int round = 1; round <= 3; round++)
        {
            cookies.Add(desc.Submit());
            chan.IssuePending();
            rig.RunUntil(() => done == round, $"round {round}");
        }
        Assert.Equal([2, 3, 4], cookies);

        desc.ClearReuse();
        Assert.False(desc.TestReuse());
        desc.Submit();
        chan.IssuePending();
        rig.RunUntil(() => done == 4, "the last round");
        DmaExceptionAssert.Throws("EINVAL", "C-40", () => desc.Submit());
    }

    [Fact]
    public void Free_releases_a_reusable_descriptor_and_it_cannot_be_submitted_again_C59()
    {
        var (_, _, desc) = OneReusableTransferDone();

        desc.Free();
        DmaExceptionAssert.Throws("EINVAL", "C-59", () => desc.Submit());
    }

    [Fact]
    public void Releasing_the_channel_frees_the_reusable_descriptors_resting_on_it_V14()
    {
        var (rig, chan, desc) = OneReusableTransferDone();
        var actor = chan.Port.Channel;
        // Completed, the reusable descriptor rests on desc_allocated (V-10) ...
        Assert.Equal(1, actor.AskBlocking<ChannelStateReply>(GetChannelState.Instance).Allocated);

        rig.Engine.ReleaseChannel(chan);

        // ... and free_chan_resources frees it with everything else.
        Assert.Equal(0, actor.AskBlocking<ChannelStateReply>(GetChannelState.Instance).Allocated);
    }

    /// <summary>A reusable 256-byte memcpy on a fresh slave-capable channel, submitted, issued and completed.</summary>
    private (ApiRig Rig, DmaChan Chan, DmaAsyncTxDescriptor Desc) OneReusableTransferDone()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        bool done = false;
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 256, DmaCtrlFlags.PrepInterrupt)!;
        desc.Callback = _ => done = true;
        desc.SetReuse();
        desc.Submit();
        chan.IssuePending();
        rig.RunUntil(() => done, "the transfer");
        return (rig, chan, desc);
    }
}
