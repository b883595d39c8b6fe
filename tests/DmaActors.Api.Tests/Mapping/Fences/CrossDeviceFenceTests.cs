using Akka.Actor;
using DmaActors.Api.Provider;
using DmaActors.Mapping;
using DmaActors.Mapping.Cma;
using DmaActors.Mapping.DmaBufs;
using DmaActors.Mapping.Fences;
using DmaActors.Mapping.Heaps;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Mapping.Fences;

/// <summary>
/// DB-10, DB-11: a writer device and a reader device on two DMA controllers share one dma-buf; the
/// reader's transfer is queued from the writer fence's callback (as a GPU scheduler does), so it
/// runs only after the writer's data is in the buffer, on every schedule.
/// </summary>
public sealed class CrossDeviceFenceTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Length = 64 * 1024;

    [Fact]
    public void The_reader_queued_on_the_writers_fence_sees_the_whole_write_under_20_schedules_DB_10_DB_11()
    {
        var result = ExploreSchedules(20, RunOnce);
        Assert.Equal(20, result.Runs);
    }

    private static void RunOnce(ActorSystem system)
    {
        var platform = Platform.Create(64, new PlatformOptions { Cma = CmaParameter.Parse("16M") });
        var writerDev = new Device(platform, "isp") { MaxSegmentSize = uint.MaxValue };
        var readerDev = new Device(platform, "gpu", iommu: new Iommu(platform)) { MaxSegmentSize = uint.MaxValue };
        var engine = new DmaEngine(system, platform.Memory);
        engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice("isp-dma", 1) with { BusView = writerDev.BusView });
        engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice("gpu-dma", 1) with { BusView = readerDev.BusView });
        var writerChan = engine.RequestChannel(DmaCapMask.Memcpy, (c, p) => c.Device.Dev == (string?)p, "isp-dma")!;
        var readerChan = engine.RequestChannel(DmaCapMask.Memcpy, (c, p) => c.Device.Dev == (string?)p, "gpu-dma")!;

        var buf = new CmaHeap(platform).Allocate(Length);
        var writerSg = buf.MapAttachment(buf.Attach(writerDev), DmaDataDirection.FromDevice)!;
        var readerSg = buf.MapAttachment(buf.Attach(readerDev), DmaDataDirection.ToDevice)!;
        ulong source = platform.AllocPages(Platform.Order(Length))!.Value.Value;
        var data = Enumerable.Range(0, Length).Select(i => (byte)((i * 5) + 3)).ToArray();
        platform.Memory.Write(source, data);
        var sink = platform.Kmalloc(Length)!.Value;
        var sinkIova = readerDev.MapSingle(sink, Length, DmaDataDirection.FromDevice);

        var written = new DmaFence("isp", "out", DmaFence.ContextAlloc(), 1, platform.Debug);
        var read = new DmaFence("gpu", "in", DmaFence.ContextAlloc(), 1, platform.Debug);
        var writeDesc = writerChan.PrepDmaMemcpy(writerSg[0].DmaAddress.Value, source, Length, DmaCtrlFlags.PrepInterrupt)!;
        writeDesc.SignalFenceOnCompletion(written, system);
        buf.Resv.AddFence(written, DmaResvUsage.Write);
        var readDesc = readerChan.PrepDmaMemcpy(sinkIova.Value, readerSg[0].DmaAddress.Value, Length, DmaCtrlFlags.PrepInterrupt)!;
        readDesc.SignalFenceOnCompletion(read, system);
        // The reader depends on the writer: queue it when the writer's fence signals.
        Assert.True(written.AddCallback(_ =>
        {
            readDesc.Submit();
            readerChan.IssuePending();
        }));
        buf.Resv.AddFence(read, DmaResvUsage.Read);
        writeDesc.Submit();
        writerChan.IssuePending();

        Assert.NotNull(buf.Resv.WaitTimeout(system, DmaResvUsage.Read, Duration.FromMilliseconds(50)));
        Assert.True(read.Timestamp > written.Timestamp);
        readerDev.SyncSingleForCpu(sinkIova, Length, DmaDataDirection.FromDevice);
        Assert.Equal(data, platform.CpuRead(sink, Length));
        Assert.Empty(platform.Debug.Events);
    }
}
