using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

public sealed class StreamingTests
{
    [Theory]
    [InlineData(DmaDataDirection.None)]
    [InlineData((DmaDataDirection)7)]
    public void Every_entry_point_refuses_DMA_NONE_and_unknown_directions_M7(DmaDataDirection direction)
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        var buffer = platform.Kmalloc(64)!.Value;
        var sg = new Scatterlist(1);
        sg[0].SetBuf(buffer, 64);

        Assert.Equal("M-7", Assert.Throws<DmaMappingException>(() => dev.MapSingle(buffer, 64, direction)).Rule);
        Assert.Throws<DmaMappingException>(() => dev.MapPage(Platform.VirtToPhys(buffer), 0, 64, direction));
        Assert.Throws<DmaMappingException>(() => dev.MapSg(sg, 1, direction));
        Assert.Throws<DmaMappingException>(() => dev.UnmapSingle(new DmaAddress(0x1000), 64, direction));
        Assert.Throws<DmaMappingException>(() => dev.SyncSingleForCpu(new DmaAddress(0x1000), 64, direction));
        Assert.Throws<DmaMappingException>(() => dev.SyncSgForDevice(sg, 1, direction));
    }

    [Fact]
    public void MapSingle_without_iommu_or_bounce_returns_the_physical_address_and_unmap_clears_it_M8_M9()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        var buffer = platform.Kmalloc(256)!.Value;

        var dma = dev.MapSingle(buffer, 256, DmaDataDirection.ToDevice);
        Assert.False(dev.MappingError(dma));
        Assert.Equal(Platform.VirtToPhys(buffer).Value, dma.Value);
        dev.UnmapSingle(dma, 256, DmaDataDirection.ToDevice);

        Assert.Equal(0, dev.ActiveMappings);
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void MapPage_maps_part_of_a_page_and_unmaps_as_the_same_type_as_single_M10_H14()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        var page = platform.AllocPages(0)!.Value;

        var dma = dev.MapPage(page, 512, 1024, DmaDataDirection.FromDevice);
        dev.MappingError(dma);
        dev.UnmapSingle(dma, 1024, DmaDataDirection.FromDevice);

        Assert.Equal(page.Value + 512, dma.Value);
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void MapSg_without_iommu_returns_one_segment_per_scattered_page_M11()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "sata");
        var buffer = platform.Vmalloc(16 * Platform.PageSize)!.Value;
        var sg = Scatterlist.FromBuffer(platform, buffer, 16 * Platform.PageSize);

        int count = dev.MapSg(sg, 16, DmaDataDirection.ToDevice);

        Assert.Equal(16, count);
        for (int i = 0; i < 16; i++) Assert.Equal(sg[i].Phys.Value, sg[i].DmaAddress.Value);
        dev.UnmapSg(sg, 16, DmaDataDirection.ToDevice);
        Assert.Empty(platform.Debug.Events);
        Assert.Equal(0, dev.ActiveMappings);
    }

    [Fact]
    public void MapSg_behind_an_iommu_merges_16_scattered_pages_into_one_segment_M11_H12()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "gpu", iommu: new Iommu(platform));
        var buffer = platform.Vmalloc(16 * Platform.PageSize)!.Value;
        var sg = Scatterlist.FromBuffer(platform, buffer, 16 * Platform.PageSize);

        int count = dev.MapSg(sg, 16, DmaDataDirection.Bidirectional);

        Assert.Equal(1, count);
        Assert.Equal(16u * Platform.PageSize, sg[0].DmaLength);
        Assert.Equal(0u, sg[1].DmaLength);
        Assert.Equal(16, dev.IommuMappedPages);
        dev.UnmapSg(sg, 16, DmaDataDirection.Bidirectional);
        Assert.Equal(0, dev.IommuMappedPages);
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void MapSg_behind_an_iommu_splits_at_the_max_segment_size_M4_M11()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "gpu", iommu: new Iommu(platform)) { MaxSegmentSize = 4 * Platform.PageSize };
        var buffer = platform.Vmalloc(16 * Platform.PageSize)!.Value;
        var sg = Scatterlist.FromBuffer(platform, buffer, 16 * Platform.PageSize);

        Assert.Equal(4, dev.MapSg(sg, 16, DmaDataDirection.ToDevice));
        Assert.Equal(sg[0].DmaAddress.Value + (4 * Platform.PageSize), sg[1].DmaAddress.Value);
    }

    [Fact]
    public void UnmapSg_with_the_mapped_count_instead_of_nents_is_reported_M12_D6_H12()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "gpu", iommu: new Iommu(platform));
        var buffer = platform.Vmalloc(4 * Platform.PageSize)!.Value;
        var sg = Scatterlist.FromBuffer(platform, buffer, 4 * Platform.PageSize);
        int count = dev.MapSg(sg, 4, DmaDataDirection.ToDevice);

        dev.UnmapSg(sg, count, DmaDataDirection.ToDevice);

        var report = Assert.Single(platform.Debug.Events);
        Assert.Equal(DmaDebugCheck.FreeWrongSgCount, report.Check);
        Assert.Equal("device driver frees DMA sg list with different entry count [map count=4] [unmap count=1]", report.Message);
    }

    [Fact]
    public void SyncSg_with_the_mapped_count_is_reported_D16_H12()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "gpu", iommu: new Iommu(platform));
        var sg = Scatterlist.FromBuffer(platform, platform.Vmalloc(2 * Platform.PageSize)!.Value, 2 * Platform.PageSize);
        int count = dev.MapSg(sg, 2, DmaDataDirection.FromDevice);

        dev.SyncSgForCpu(sg, count, DmaDataDirection.FromDevice);

        Assert.Equal(DmaDebugCheck.SyncWrongSgCount, Assert.Single(platform.Debug.Events).Check);
    }

    [Fact]
    public void Partial_single_sync_inside_the_mapping_is_allowed_M13()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        var buffer = platform.Kmalloc(4096)!.Value;
        var dma = dev.MapSingle(buffer, 4096, DmaDataDirection.FromDevice);
        dev.MappingError(dma);

        dev.SyncSingleForCpu(dma + 1024, 512, DmaDataDirection.FromDevice);
        dev.SyncSingleForDevice(dma + 1024, 512, DmaDataDirection.FromDevice);
        dev.UnmapSingle(dma, 4096, DmaDataDirection.FromDevice);

        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void Mapping_an_sg_list_twice_is_refused_M11()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "sata");
        var sg = new Scatterlist(1);
        sg[0].SetBuf(platform.Kmalloc(64)!.Value, 64);
        dev.MapSg(sg, 1, DmaDataDirection.ToDevice);

        var error = Assert.Throws<DmaMappingException>(() => dev.MapSg(sg, 1, DmaDataDirection.ToDevice));

        Assert.Equal("M-11", error.Rule);
        dev.UnmapSg(sg, 1, DmaDataDirection.ToDevice);
        Assert.Equal(1, dev.MapSg(sg, 1, DmaDataDirection.ToDevice));
    }
}
