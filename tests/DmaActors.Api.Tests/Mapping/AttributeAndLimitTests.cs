using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

public sealed class AttributeAndLimitTests
{
    private static byte[] Pattern(int length, int salt) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 5) + salt))];

    [Fact]
    public void Skip_cpu_sync_suppresses_the_swiotlb_copy_out_at_unmap_M15_S3()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic", coherent: true) { ForceBounce = true };
        var buffer = platform.Kmalloc(64)!.Value;
        platform.CpuWrite(buffer, new byte[64]);
        var dma = dev.MapSingle(buffer, 64, DmaDataDirection.FromDevice, DmaAttrs.SkipCpuSync);
        dev.BusView.Write(dma.Value, Pattern(64, 1));

        dev.UnmapSingle(dma, 64, DmaDataDirection.FromDevice, DmaAttrs.SkipCpuSync);

        Assert.Equal(new byte[64], platform.CpuRead(buffer, 64));
        Assert.Equal(0, platform.Swiotlb.Stats.BytesBouncedOut);
    }

    [Fact]
    public void Skip_cpu_sync_leaves_cpu_writes_in_the_cache_at_map_M15()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        var buffer = platform.Kmalloc(64)!.Value;
        platform.CpuWrite(buffer, Pattern(64, 2));

        var dma = dev.MapSingle(buffer, 64, DmaDataDirection.ToDevice, DmaAttrs.SkipCpuSync);
        var seen = new byte[64];
        dev.BusView.Read(dma.Value, seen);

        Assert.Equal(new byte[64], seen);
    }

    [Fact]
    public void Two_receive_mappings_starting_in_one_cache_line_are_reported_unless_skip_cpu_sync_D17()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        var buffer = platform.Kmalloc(128)!.Value;
        dev.MapSingle(buffer, 16, DmaDataDirection.FromDevice);
        dev.MapSingle(buffer + 16, 16, DmaDataDirection.ToDevice);
        Assert.Empty(platform.Debug.Events);

        dev.MapSingle(buffer + 32, 16, DmaDataDirection.FromDevice);
        dev.MapSingle(buffer + 48, 16, DmaDataDirection.Bidirectional, DmaAttrs.SkipCpuSync);

        var report = Assert.Single(platform.Debug.Events);
        Assert.Equal("cacheline tracking EEXIST, overlapping mappings aren't supported", report.Message);
    }

    [Fact]
    public void No_warn_keeps_a_full_swiotlb_quiet_but_still_fails_the_map_S5()
    {
        var platform = Platform.Create(options: new PlatformOptions { SwiotlbBytes = 2048 });
        var dev = new Device(platform, "nic") { ForceBounce = true };
        var buffer = platform.Kmalloc(8192)!.Value;

        var dma = dev.MapSingle(buffer, 4096, DmaDataDirection.ToDevice, DmaAttrs.NoWarn);

        Assert.True(dev.MappingError(dma));
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void Sg_segment_longer_than_the_max_segment_size_is_reported_D12()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "sata") { MaxSegmentSize = 4096 };
        var sg = new Scatterlist(1);
        sg[0].SetBuf(platform.Kmalloc(8192)!.Value, 8192);

        dev.MapSg(sg, 1, DmaDataDirection.ToDevice);

        Assert.Equal("mapping sg segment longer than device claims to support [len=8192] [max=4096]", Assert.Single(platform.Debug.Events).Message);
    }

    [Fact]
    public void Limits_follow_the_mapping_path_M4()
    {
        var platform = Platform.Create();
        var isa = new Device(platform, "isa");
        isa.SetMask(0xFF_FFFF);
        var coherent = new Device(platform, "pcie", coherent: true);
        var behindIommu = new Device(platform, "gpu", coherent: true, iommu: new Iommu(platform));

        Assert.Equal(256 * 1024, isa.MaxMappingSize);
        Assert.True(isa.NeedSync);
        Assert.Equal(long.MaxValue, coherent.MaxMappingSize);
        Assert.False(coherent.NeedSync);
        Assert.Equal(0UL, coherent.MergeBoundary);
        Assert.Equal(4095UL, behindIommu.MergeBoundary);
        Assert.Equal(64u * 1024, coherent.MaxSegmentSize);
    }

    [Fact]
    public void Iommu_does_not_merge_entries_that_do_not_meet_at_page_boundaries_M11()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "gpu", iommu: new Iommu(platform));
        var sg = new Scatterlist(3);
        sg[0].SetBuf(platform.Kmalloc(4096)!.Value, 4096);
        sg[1].SetBuf(platform.Kmalloc(4096)!.Value, 100);
        sg[2].SetBuf(platform.Kmalloc(4096)!.Value, 4096);

        Assert.Equal(2, dev.MapSg(sg, 3, DmaDataDirection.ToDevice));
        Assert.Equal(4096u + 100, sg[0].DmaLength);
        Assert.Equal(4096u, sg[1].DmaLength);
        dev.UnmapSg(sg, 3, DmaDataDirection.ToDevice);
        Assert.Equal(0, dev.IommuMappedPages);
    }
}
