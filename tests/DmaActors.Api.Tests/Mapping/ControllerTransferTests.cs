using Akka.Actor;
using DmaActors.Actors.Channels;
using DmaActors.Actors.Controller;
using DmaActors.Actors.Transfers;
using DmaActors.Mapping;
using DmaActors.Runtime.Time;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Mapping;

/// <summary>Real memcpy transfers through a simulated controller at the bus addresses the mapping layer returns.</summary>
public sealed class ControllerTransferTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static byte[] Pattern(int length, int salt) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 7) + salt))];

    private DmaengineResult Memcpy(Device dev, DmaAddress source, DmaAddress destination, int length)
    {
        var controller = DmaController.Start(Sys, new ControllerConfig { Memory = dev.Platform.Memory, BusView = dev.BusView });
        var port = controller.Open(0);
        var done = CreateTestProbe();
        long descriptor = port.Prepare(
            TransferSpec.Memcpy(source.Value, destination.Value, length, burstBytes: 64),
            new DescriptorOptions(DmaCtrlFlags.PrepInterrupt, outcome => done.Ref.Tell(outcome)));
        port.SubmitPrepared(descriptor, length);
        port.IssuePending();
        return done.ExpectMsg<DmaengineResult>(Duration.FromSeconds(3));
    }

    [Fact]
    public void Isa_device_with_a_24_bit_mask_copies_a_buffer_above_16_MiB_through_bounce_buffers_S2_S3()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "isa-dma");
        dev.SetMaskAndCoherent(0xFF_FFFF);
        var source = platform.Kmalloc(8192)!.Value;
        var destination = platform.Kmalloc(8192)!.Value;
        Assert.True(Platform.VirtToPhys(source).Value > 0xFF_FFFF);
        platform.CpuWrite(source, Pattern(8192, 1));
        platform.CpuFill(destination, 0, 8192);

        var src = dev.MapSingle(source, 8192, DmaDataDirection.ToDevice);
        var dst = dev.MapSingle(destination, 8192, DmaDataDirection.FromDevice);
        Assert.False(dev.MappingError(src) || dev.MappingError(dst));
        var outcome = Memcpy(dev, src, dst, 8192);
        dev.UnmapSingle(src, 8192, DmaDataDirection.ToDevice);
        dev.UnmapSingle(dst, 8192, DmaDataDirection.FromDevice);

        Assert.Equal(DmaengineTxResult.NoError, outcome.Result);
        Assert.Equal(Pattern(8192, 1), platform.CpuRead(destination, 8192));
        var stats = platform.Swiotlb.Stats;
        Assert.Equal(2, stats.Mappings);
        Assert.Equal(16384, stats.BytesBouncedIn);
        Assert.Equal(8192, stats.BytesBouncedOut);
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void Memcpy_behind_an_iommu_runs_on_iova_addresses_across_scattered_pages()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "iommu-dma", iommu: new Iommu(platform));
        var source = platform.Vmalloc(4 * Platform.PageSize)!.Value;
        var destination = platform.Kmalloc(4 * Platform.PageSize)!.Value;
        platform.CpuWrite(source, Pattern(4 * Platform.PageSize, 2));
        var sg = Scatterlist.FromBuffer(platform, source, 4 * Platform.PageSize);
        Assert.Equal(4, sg.Count);

        Assert.Equal(1, dev.MapSg(sg, 4, DmaDataDirection.ToDevice));
        var dst = dev.MapSingle(destination, 4 * Platform.PageSize, DmaDataDirection.FromDevice);
        dev.MappingError(dst);
        var outcome = Memcpy(dev, sg[0].DmaAddress, dst, 4 * Platform.PageSize);
        dev.UnmapSg(sg, 4, DmaDataDirection.ToDevice);
        dev.UnmapSingle(dst, 4 * Platform.PageSize, DmaDataDirection.FromDevice);

        Assert.Equal(DmaengineTxResult.NoError, outcome.Result);
        Assert.NotEqual(Platform.VirtToPhys(destination).Value, dst.Value);
        Assert.Equal(Pattern(4 * Platform.PageSize, 2), platform.CpuRead(destination, 4 * Platform.PageSize));
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void Dma_to_an_unmapped_iova_is_an_iommu_fault_that_fails_the_transfer_with_write_failed()
    {
        var platform = Platform.Create();
        var iommu = new Iommu(platform);
        var dev = new Device(platform, "iommu-dma", iommu: iommu);
        var source = platform.Kmalloc(4096)!.Value;
        var src = dev.MapSingle(source, 4096, DmaDataDirection.ToDevice);

        var outcome = Memcpy(dev, src, new DmaAddress(0x4000_0000), 4096);

        Assert.Equal(DmaengineTxResult.WriteFailed, outcome.Result);
        Assert.True(iommu.Faults > 0);
    }

    [Fact]
    public void Dma_from_an_unmapped_iova_fails_the_transfer_with_read_failed()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "iommu-dma", iommu: new Iommu(platform));
        var destination = platform.Kmalloc(4096)!.Value;
        var dst = dev.MapSingle(destination, 4096, DmaDataDirection.FromDevice);

        var outcome = Memcpy(dev, new DmaAddress(0x4000_0000), dst, 4096);

        Assert.Equal(DmaengineTxResult.ReadFailed, outcome.Result);
    }

    [Fact]
    public void Device_writing_a_to_device_mapping_faults_on_the_iommu_permission_M14()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "iommu-dma", iommu: new Iommu(platform));
        var a = dev.MapSingle(platform.Kmalloc(4096)!.Value, 4096, DmaDataDirection.ToDevice);
        var b = dev.MapSingle(platform.Kmalloc(4096)!.Value, 4096, DmaDataDirection.ToDevice);

        Assert.Equal(DmaengineTxResult.WriteFailed, Memcpy(dev, a, b, 4096).Result);
    }

    [Fact]
    public void Receive_by_a_real_transfer_on_a_non_coherent_device_is_stale_without_sync_for_cpu_and_fresh_with_it_M13_H13()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "rx-dma");
        var source = platform.Kmalloc(4096)!.Value;
        var destination = platform.Kmalloc(4096)!.Value;
        platform.CpuWrite(source, Pattern(4096, 3));
        platform.CpuFill(destination, 0, 4096);
        var src = dev.MapSingle(source, 4096, DmaDataDirection.ToDevice);
        var dst = dev.MapSingle(destination, 4096, DmaDataDirection.FromDevice);
        dev.MappingError(src);
        dev.MappingError(dst);

        Assert.Equal(DmaengineTxResult.NoError, Memcpy(dev, src, dst, 4096).Result);
        var stale = platform.CpuRead(destination, 4096);
        dev.SyncSingleForCpu(dst, 4096, DmaDataDirection.FromDevice);
        var fresh = platform.CpuRead(destination, 4096);

        Assert.Equal(new byte[4096], stale);
        Assert.Equal(Pattern(4096, 3), fresh);
        Assert.Equal(DmaDebugCheck.CpuAccessWhileDeviceOwned, Assert.Single(platform.Debug.Events).Check);
    }
}
