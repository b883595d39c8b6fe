using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

public sealed class StatusAfterTerminateTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void An_aborted_cookie_reads_in_progress_until_a_later_cookie_completes_H2_C46()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        int aborted = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64 * 1024, DmaCtrlFlags.None)!.Submit();
        chan.IssuePending();
        Advance(Duration.FromMicroseconds(5));
        chan.TerminateSync();

        Assert.Equal(DmaStatus.InProgress, chan.TxStatus(aborted));

        bool done = false;
        var next = chan.PrepDmaMemcpy(ApiRig.Destination(1), ApiRig.Source(1), 64, DmaCtrlFlags.PrepInterrupt)!;
        next.Callback = _ => done = true;
        next.Submit();
        chan.IssuePending();
        rig.RunUntil(() => done, "the later transfer");
        Assert.Equal(DmaStatus.Complete, chan.TxStatus(aborted));
    }

    [Fact]
    public void A_channel_refusal_becomes_a_DmaException_with_its_errno_and_reason_C59()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64 * 1024, DmaCtrlFlags.None)!;
        desc.SetReuse();
        desc.Submit();
        chan.IssuePending();

        // The refusal is made from what the channel published on its port (the descriptor is still
        // queued or running), without a round trip to the channel's actor.
        var error = DmaExceptionAssert.Throws("EPERM", "C-59", desc.Free);
        Assert.Contains("dmaengine_desc_free() of a descriptor still queued or running", error.Message, StringComparison.Ordinal);
        Assert.Contains(chan.Name, error.Message, StringComparison.Ordinal);
    }
}
