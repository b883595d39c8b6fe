using Akka.Event;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

/// <summary>DMA_PREP_INTERRUPT through the façade (C-28): the flag decides when the driver hears of a completion.</summary>
public sealed class PrepInterruptTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static DmaChan MemcpyChannel(ApiRig rig)
    {
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        return rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
    }

    [Fact]
    public void A_callback_without_prep_interrupt_gets_a_warning_and_runs_when_the_status_is_polled_C28()
    {
        var rig = new ApiRig(Sys);
        var chan = MemcpyChannel(rig);
        var warnings = CreateTestProbe();
        Sys.EventStream.Subscribe(warnings.Ref, typeof(Warning));
        bool done = false;
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 256, DmaCtrlFlags.None)!;
        desc.Callback = _ => done = true;

        int cookie = desc.Submit();
        var warning = warnings.ExpectMsg<Warning>(TimeSpan.FromSeconds(5));
        Assert.Contains("DMA_PREP_INTERRUPT", warning.Message.ToString());
        Assert.Contains("C-28", warning.Message.ToString());

        chan.IssuePending();
        Advance(Runtime.Time.Duration.FromMilliseconds(1));
        Assert.False(done, "no interrupt, so nobody has run the callback yet");

        Assert.Equal(DmaStatus.Complete, chan.TxStatus(cookie));
        rig.RunUntil(() => done, "the callback after the poll");
    }

    [Fact]
    public void A_descriptor_with_prep_interrupt_gets_no_warning_C28()
    {
        var rig = new ApiRig(Sys);
        var chan = MemcpyChannel(rig);
        var warnings = CreateTestProbe();
        Sys.EventStream.Subscribe(warnings.Ref, typeof(Warning));
        bool done = false;
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 256, DmaCtrlFlags.PrepInterrupt)!;
        desc.Callback = _ => done = true;

        desc.Submit();
        chan.IssuePending();
        rig.RunUntil(() => done, "the callback");

        warnings.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
