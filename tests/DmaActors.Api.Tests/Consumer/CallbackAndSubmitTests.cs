using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

public sealed class CallbackAndSubmitTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static DmaChan MemcpyChannel(ApiRig rig)
    {
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        return rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
    }

    [Fact]
    public void When_both_callbacks_are_set_only_callback_result_runs_with_the_result_C33()
    {
        var rig = new ApiRig(Sys);
        var chan = MemcpyChannel(rig);
        var ran = new List<string>();
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 256, DmaCtrlFlags.PrepInterrupt)!;
        desc.CallbackParam = "p";
        desc.Callback = p => ran.Add($"callback {p}");
        desc.CallbackResult = (p, r) => ran.Add($"result {p} {r.Result} {r.Residue}");
        desc.Submit();
        chan.IssuePending();
        rig.RunUntil(() => ran.Count > 0, "the callback");
        Advance(Runtime.Time.Duration.FromMilliseconds(1));

        Assert.Equal(["result p NoError 0"], ran);
    }

    [Fact]
    public void Callbacks_run_on_the_channels_completion_actor_not_on_the_callers_thread_C35()
    {
        var rig = new ApiRig(Sys);
        var chan = MemcpyChannel(rig);
        string? ranOn = "unset";
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 256, DmaCtrlFlags.PrepInterrupt)!;
        desc.Callback = _ => ranOn = rig.CallbackChannel();
        desc.Submit();
        chan.IssuePending();
        Assert.Equal("unset", ranOn);
        rig.RunUntil(() => ranOn != "unset", "the callback");

        Assert.Equal(chan.Name, ranOn);
        Assert.Null(rig.CallbackChannel());
    }

    [Fact]
    public void Submit_starts_nothing_until_issue_pending_C39_C42()
    {
        var rig = new ApiRig(Sys);
        var chan = MemcpyChannel(rig);
        var source = rig.Fill(ApiRig.Source(0), 512, salt: 3);
        bool done = false;
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 512, DmaCtrlFlags.PrepInterrupt)!;
        desc.Callback = _ => done = true;
        int cookie = desc.Submit();
        Advance(Runtime.Time.Duration.FromMilliseconds(5));

        Assert.False(done);
        Assert.Equal(DmaStatus.InProgress, chan.TxStatus(cookie, out var state));
        Assert.Equal(512, state.Residue);
        Assert.All(rig.Read(ApiRig.Destination(0), 512), b => Assert.Equal(0, b));

        chan.IssuePending();
        rig.RunUntil(() => done, "the callback");
        Assert.Equal(DmaStatus.Complete, chan.TxStatus(cookie));
        Assert.Equal(source, rig.Read(ApiRig.Destination(0), 512));
    }

    [Fact]
    public void Tx_status_reports_the_last_cookie_submitted_as_used_and_the_last_completed_as_last_C45()
    {
        var rig = new ApiRig(Sys);
        var chan = MemcpyChannel(rig);
        int done = 0;
        int Submit()
        {
            var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 256, DmaCtrlFlags.PrepInterrupt)!;
            desc.Callback = _ => done++;
            return desc.Submit();
        }
        int first = Submit();
        int second = Submit();

        // Submitted, not issued: used is the last cookie handed out, nothing completed (last = 1).
        Assert.Equal(DmaStatus.InProgress, chan.TxStatus(first, out var queued));
        Assert.Equal((1, second), (queued.Last, queued.Used));

        chan.IssuePending();
        rig.RunUntil(() => done == 2, "both callbacks");
        Assert.Equal(DmaStatus.Complete, chan.TxStatus(first, out var finished));
        Assert.Equal((second, second), (finished.Last, finished.Used));
        Assert.Equal(first + 1, second);
    }

    [Fact]
    public void A_descriptor_submitted_twice_is_EINVAL_C40()
    {
        var rig = new ApiRig(Sys);
        var chan = MemcpyChannel(rig);
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.None)!;
        desc.Submit();
        DmaExceptionAssert.Throws("EINVAL", "C-40", () => desc.Submit());
    }

    [Fact]
    public void Cookies_are_assigned_at_submit_not_prep_and_run_in_that_order_C41_C43()
    {
        var rig = new ApiRig(Sys);
        var chan = MemcpyChannel(rig);
        var order = new List<string>();
        var a = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.PrepInterrupt)!;
        var b = chan.PrepDmaMemcpy(ApiRig.Destination(1), ApiRig.Source(1), 64, DmaCtrlFlags.PrepInterrupt)!;
        a.Callback = _ => order.Add("a");
        b.Callback = _ => order.Add("b");

        int cookieB = b.Submit();
        int cookieA = a.Submit();
        chan.IssuePending();
        rig.RunUntil(() => order.Count == 2, "both callbacks");

        Assert.Equal(2, cookieB);
        Assert.Equal(3, cookieA);
        Assert.Equal(["b", "a"], order);
    }

    [Fact]
    public void Submissions_after_issue_pending_wait_for_the_next_issue_H4_C42()
    {
        var rig = new ApiRig(Sys);
        var chan = MemcpyChannel(rig);
        int done = 0;
        var first = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.PrepInterrupt)!;
        first.Callback = _ => done++;
        first.Submit();
        chan.IssuePending();
        var second = chan.PrepDmaMemcpy(ApiRig.Destination(1), ApiRig.Source(1), 64, DmaCtrlFlags.PrepInterrupt)!;
        second.Callback = _ => done++;
        int cookie = second.Submit();
        Advance(Runtime.Time.Duration.FromMilliseconds(5));

        Assert.Equal(1, done);
        Assert.Equal(DmaStatus.InProgress, chan.TxStatus(cookie));
        chan.IssuePending();
        rig.RunUntil(() => done == 2, "the second callback");
    }

    [Fact]
    public void Is_tx_complete_reports_last_and_used_cookies_C45()
    {
        var rig = new ApiRig(Sys);
        var chan = MemcpyChannel(rig);
        bool done = false;
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.PrepInterrupt)!;
        desc.Callback = _ => done = true;
        int cookie = desc.Submit();
        chan.IssuePending();
        rig.RunUntil(() => done, "the callback");

        Assert.Equal(DmaStatus.Complete, chan.IsTxComplete(cookie, out int last, out int used));
        Assert.Equal((cookie, cookie), (last, used));
    }

    [Theory]
    [InlineData(5, 7, 9, DmaStatus.Complete)]
    [InlineData(8, 7, 9, DmaStatus.InProgress)]
    [InlineData(10, 7, 9, DmaStatus.Complete)]
    [InlineData(3, 5, 2, DmaStatus.Complete)]
    [InlineData(1, 5, 2, DmaStatus.InProgress)]
    [InlineData(6, 5, 2, DmaStatus.InProgress)]
    public void Cookie_completion_is_purely_ordinal_including_wrap_around_C46(int cookie, int last, int used, DmaStatus expected) =>
        Assert.Equal(expected, DmaCookie.IsComplete(cookie, last, used));

    [Theory]
    [InlineData(DmaResidueGranularity.Descriptor)]
    [InlineData(DmaResidueGranularity.Burst)]
    public void Residue_of_a_running_descriptor_follows_the_devices_granularity_C47(DmaResidueGranularity granularity)
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice() with { ResidueGranularity = granularity });
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64 * 1024, DmaCtrlFlags.None)!;
        int cookie = desc.Submit();
        chan.IssuePending();
        Advance(Runtime.Time.Duration.FromMicroseconds(20));
        chan.Pause();

        Assert.Equal(DmaStatus.Paused, chan.TxStatus(cookie, out var state));
        if (granularity == DmaResidueGranularity.Descriptor) Assert.Equal(64 * 1024, state.Residue);
        else Assert.InRange(state.Residue, 1, 64 * 1024 - 1);
    }
}
