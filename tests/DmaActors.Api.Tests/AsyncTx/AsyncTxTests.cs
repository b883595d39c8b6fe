using DmaActors.Api.AsyncTx;
using DmaActors.Api.Provider;
using DmaActors.Runtime;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.AsyncTx;

public sealed class AsyncTxTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static DmaDeviceDescription Only(string dev, DmaCapMask cap) => new() { Dev = dev, CapMask = cap, ChannelCount = 1, PhysicalChannels = 1 };

    [Fact]
    public void Async_memcpy_runs_on_a_memcpy_channel_and_starts_only_at_issue_pending_all_A4_A7()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(Only("copier", DmaCapMask.Memcpy));
        var atx = new AsyncTxApi(rig.Engine);
        var source = rig.Fill(ApiRig.Source(0), 1024, salt: 5);
        string? ranOn = null;

        var tx = atx.AsyncMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 0, 0, 1024, new AsyncSubmitCtl(CbFn: _ => ranOn = rig.CallbackChannel()));
        Advance(Duration.FromMilliseconds(1));
        Assert.NotNull(tx);
        Assert.True((tx.Flags & DmaCtrlFlags.PrepInterrupt) != 0);
        Assert.Null(ranOn);

        Assert.Equal(DmaStatus.Complete, atx.DmaWaitForAsyncTx(tx));
        rig.RunUntil(() => ranOn is not null, "the callback");
        Assert.Equal("dma0chan0", ranOn);
        Assert.Equal(source, rig.Read(ApiRig.Destination(0), 1024));
    }

    [Fact]
    public void Without_a_capable_channel_the_operation_runs_synchronously_with_the_callback_in_the_callers_context_A3()
    {
        var rig = new ApiRig(Sys);
        var atx = new AsyncTxApi(rig.Engine);
        var source = rig.Fill(ApiRig.Source(0), 256, salt: 6);
        bool called = false;
        string? context = "unset";

        var tx = atx.AsyncMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 0, 0, 256, new AsyncSubmitCtl(CbFn: _ => { called = true; context = rig.CallbackChannel(); }));

        Assert.Null(tx);
        Assert.True(called);
        Assert.Null(context);
        Assert.Equal(source, rig.Read(ApiRig.Destination(0), 256));
    }

    [Fact]
    public void Xor_after_a_dma_memcpy_waits_for_it_and_computes_the_parity_A3_A5()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(Only("copier", DmaCapMask.Memcpy));
        var atx = new AsyncTxApi(rig.Engine);
        var a = rig.Fill(ApiRig.Source(0), 512, salt: 1);
        var b = rig.Fill(ApiRig.Source(1), 512, salt: 2);

        var copy = atx.AsyncMemcpy(ApiRig.Source(2), ApiRig.Source(0), 0, 0, 512, new AsyncSubmitCtl());
        var xor = atx.AsyncXor(ApiRig.Destination(0), [ApiRig.Source(2), ApiRig.Source(1)], 0, 512, new AsyncSubmitCtl(AsyncTxFlags.XorZeroDst, copy));

        Assert.Null(xor);
        Assert.Equal(a.Zip(b, (x, y) => (byte)(x ^ y)), rig.Read(ApiRig.Destination(0), 512));
    }

    [Fact]
    public void A_descriptor_can_have_only_one_dependent_A5()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(Only("copier", DmaCapMask.Memcpy));
        var atx = new AsyncTxApi(rig.Engine);
        var parent = atx.AsyncMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 0, 0, 64, new AsyncSubmitCtl());
        atx.AsyncMemcpy(ApiRig.Destination(1), ApiRig.Destination(0), 0, 0, 64, new AsyncSubmitCtl(DependTx: parent));

        DmaExceptionAssert.Throws("EINVAL", "A-5", () => atx.AsyncMemcpy(ApiRig.Destination(2), ApiRig.Destination(0), 0, 0, 64, new AsyncSubmitCtl(DependTx: parent)));
        var acked = atx.AsyncMemcpy(ApiRig.Destination(3), ApiRig.Source(3), 0, 0, 64, new AsyncSubmitCtl(AsyncTxFlags.Ack));
        DmaExceptionAssert.Throws("EINVAL", "A-5", () => atx.AsyncMemcpy(ApiRig.Destination(4), ApiRig.Destination(3), 0, 0, 64, new AsyncSubmitCtl(DependTx: acked)));
    }

    [Fact]
    public void Async_callbacks_must_not_submit_new_operations_A8()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(Only("copier", DmaCapMask.Memcpy));
        var atx = new AsyncTxApi(rig.Engine);
        DmaException? refused = null;
        var tx = atx.AsyncMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 0, 0, 64, new AsyncSubmitCtl(CbFn: _ =>
        {
            try { atx.AsyncMemcpy(ApiRig.Destination(1), ApiRig.Source(1), 0, 0, 64, new AsyncSubmitCtl()); }
            catch (DmaException e) { refused = e; }
        }));
        atx.AsyncTxIssuePendingAll();
        rig.RunUntil(() => refused is not null, "the callback");

        Assert.Equal(("EPERM", "A-8"), (refused!.Errno, refused.Rule));
    }

    [Fact]
    public void A_memcpy_depending_on_a_memset_on_another_controller_starts_only_after_it_across_500_schedules_A5_H10()
    {
        var result = ScheduleExploration.Explore(500, system =>
        {
            var random = new Random((int)system.Simulation().Seed!.Value);
            var rig = new ApiRig(system);
            rig.Engine.DmaAsyncDeviceRegister(Only("filler", DmaCapMask.Memset));
            rig.Engine.DmaAsyncDeviceRegister(Only("copier", DmaCapMask.Memcpy));
            var atx = new AsyncTxApi(rig.Engine);
            int length = random.Next(1, 64) * 64;
            var order = new List<string>();

            var fill = atx.AsyncMemset(ApiRig.Source(0), 0x77, 0, length, new AsyncSubmitCtl(AsyncTxFlags.Fence, CbFn: _ => { lock (order) order.Add("memset"); }))!;
            var copy = atx.AsyncMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 0, 0, length, new AsyncSubmitCtl(DependTx: fill, CbFn: _ => { lock (order) order.Add("memcpy"); }))!;
            Assert.NotEqual(fill.Chan.Device, copy.Chan.Device);
            Assert.True((fill.Flags & DmaCtrlFlags.PrepFence) != 0);

            atx.AsyncTxIssuePendingAll();
            Assert.Equal(DmaStatus.Complete, atx.DmaWaitForAsyncTx(copy));
            system.RunUntil(() => { lock (order) return order.Count == 2; }, Duration.FromSeconds(1));

            Assert.Equal(["memset", "memcpy"], order);
            Assert.All(rig.Read(ApiRig.Destination(0), length), b => Assert.Equal(0x77, b));
        }, output: TestOutput);

        Assert.Equal(500, result.Runs);
    }

    [Fact]
    public void A_dependency_on_another_controller_without_a_completion_interrupt_is_polled_to_completion_A5_C28()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(Only("filler", DmaCapMask.Memset));
        rig.Engine.DmaAsyncDeviceRegister(Only("copier", DmaCapMask.Memcpy));
        var atx = new AsyncTxApi(rig.Engine);

        // No callback: async_memset() prepares it without DMA_PREP_INTERRUPT, as the kernel does.
        var fill = atx.AsyncMemset(ApiRig.Source(0), 0x5a, 0, 4096, new AsyncSubmitCtl())!;
        Assert.Equal(DmaCtrlFlags.None, fill.Flags & DmaCtrlFlags.PrepInterrupt);
        var copy = atx.AsyncMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 0, 0, 4096, new AsyncSubmitCtl(DependTx: fill))!;

        // The silent parent was waited for by polling (async_tx_channel_switch's fallback), so the child is queued already.
        Assert.Equal(DmaStatus.Complete, fill.Chan.TxStatus(fill.Cookie));
        Assert.True(copy.Cookie > 0);
        atx.AsyncTxIssuePendingAll();
        Assert.Equal(DmaStatus.Complete, atx.DmaWaitForAsyncTx(copy));
        Assert.All(rig.Read(ApiRig.Destination(0), 4096), b => Assert.Equal(0x5a, b));
    }
}
