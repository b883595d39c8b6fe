using DmaActors.Mapping;
using DmaActors.Mapping.Fences;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Mapping.Fences;

/// <summary>DB-10: a dmaengine transfer signals its fence on completion; a terminated one that leaves it unsignalled is reported.</summary>
public sealed class FencedTransferTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void A_memcpy_signals_its_fence_when_it_completes_DB_10()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChanByMask(DmaCapMask.Memcpy);
        var data = rig.Fill(ApiRig.Source(0), 4096, 3);
        var fence = new DmaFence("memcpy", "test", DmaFence.ContextAlloc(), 1);
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 4096, DmaCtrlFlags.PrepInterrupt)!;
        desc.SignalFenceOnCompletion(fence, Sys);
        desc.Submit();
        chan.IssuePending();

        Assert.NotNull(fence.WaitTimeout(Sys, Duration.FromMilliseconds(10)));
        Assert.Equal(0, fence.Error);
        Assert.Equal(data, rig.Read(ApiRig.Destination(0), 4096));
        Assert.True(fence.Timestamp > Duration.Zero);
    }

    [Fact]
    public void A_terminated_transfer_leaves_its_fence_unsignalled_and_the_wait_reports_it_DB_10()
    {
        var platform = Platform.Create(16);
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChanByMask(DmaCapMask.Memcpy);
        var fence = new DmaFence("memcpy", "test", DmaFence.ContextAlloc(), 1, platform.Debug);
        var desc = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 4096, DmaCtrlFlags.PrepInterrupt)!;
        desc.SignalFenceOnCompletion(fence, Sys);
        desc.Submit();
        chan.TerminateSync(); // before issue_pending: the descriptor is dropped, its callback never runs

        Assert.Null(fence.WaitTimeout(Sys, Duration.FromMilliseconds(10)));
        var report = Assert.Single(platform.Debug.Events);
        Assert.Equal(DmaDebugCheck.FenceNeverSignalled, report.Check);
        Assert.Equal("DB-10", report.Rule);
        Assert.Contains("will never be signalled", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_transfer_signals_its_fence_with_EIO_DB_10()
    {
        var platform = Platform.Create(16);
        var dev = new Device(platform, "smmu-dma", iommu: new Iommu(platform));
        var engine = new DmaEngine(Sys, platform.Memory);
        engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice() with { BusView = dev.BusView });
        var chan = engine.RequestChanByMask(DmaCapMask.Memcpy);
        var destination = platform.Kmalloc(4096)!.Value;
        var dst = dev.MapSingle(destination, 4096, DmaDataDirection.FromDevice);
        var fence = new DmaFence("memcpy", "test", DmaFence.ContextAlloc(), 1, platform.Debug);
        var desc = chan.PrepDmaMemcpy(dst.Value, 0x4000_0000, 4096, DmaCtrlFlags.PrepInterrupt)!; // an IOVA nobody mapped
        desc.SignalFenceOnCompletion(fence, Sys);
        desc.Submit();
        chan.IssuePending();

        Assert.NotNull(fence.WaitTimeout(Sys, Duration.FromMilliseconds(10)));
        Assert.Equal(-5, fence.Error);
    }
}
