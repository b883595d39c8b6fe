using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

public sealed class MaskTests
{
    [Fact]
    public void New_device_assumes_32_bit_masks_M1()
    {
        var dev = new Device(Platform.Create(), "nic");

        Assert.Equal(0xFFFF_FFFFUL, dev.DmaMask);
        Assert.Equal(0xFFFF_FFFFUL, dev.CoherentMask);
    }

    [Fact]
    public void SetMask_below_the_dma_zone_is_refused_with_EIO_and_leaves_the_mask_M2()
    {
        var dev = new Device(Platform.Create(), "tiny");

        var error = Assert.Throws<DmaMappingException>(() => dev.SetMask(0xF_FFFF));

        Assert.Equal("EIO", error.Errno);
        Assert.Equal("M-2", error.Rule);
        Assert.Equal(0xFFFF_FFFFUL, dev.DmaMask);
        Assert.Throws<DmaMappingException>(() => dev.SetCoherentMask(0xFFFF));
    }

    [Fact]
    public void SetMask_of_24_bits_covers_the_isa_zone_and_is_accepted_M2()
    {
        var dev = new Device(Platform.Create(), "isa");

        dev.SetMask(0xFF_FFFF);

        Assert.Equal(0xFF_FFFFUL, dev.DmaMask);
    }

    [Fact]
    public void SetMaskAndCoherent_sets_both_and_masks_of_32_bits_or_more_never_fail_M3()
    {
        var dev = new Device(Platform.Create(), "hba");

        dev.SetMaskAndCoherent(ulong.MaxValue);

        Assert.Equal(ulong.MaxValue, dev.DmaMask);
        Assert.Equal(ulong.MaxValue, dev.CoherentMask);
    }

    [Fact]
    public void SetMaskAndCoherent_refused_changes_neither_mask_M3()
    {
        var dev = new Device(Platform.Create(), "bad");

        Assert.Throws<DmaMappingException>(() => dev.SetMaskAndCoherent(0xFFF));

        Assert.Equal(0xFFFF_FFFFUL, dev.DmaMask);
        Assert.Equal(0xFFFF_FFFFUL, dev.CoherentMask);
    }

    [Fact]
    public void Device_behind_an_iommu_accepts_any_mask_M2()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "gpu", iommu: new Iommu(platform));

        dev.SetMask(0xF_FFFF);

        Assert.Equal(0xF_FFFFUL, dev.DmaMask);
    }

    [Fact]
    public void Address_spaces_are_distinct_types_and_mapping_error_is_all_ones()
    {
        Assert.Equal(ulong.MaxValue, DmaAddress.MappingError.Value);
        Assert.True(DmaAddress.MappingError.IsMappingError);
        Assert.NotEqual(typeof(CpuAddress), typeof(DmaAddress));
        Assert.Equal(new PhysAddress(0x1000), Platform.VirtToPhys(Platform.PhysToVirt(new PhysAddress(0x1000))));
    }
}
