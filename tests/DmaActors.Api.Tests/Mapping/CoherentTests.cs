using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

public sealed class CoherentTests
{
    [Fact]
    public void AllocCoherent_is_aligned_to_its_order_zeroed_and_below_the_coherent_mask_M5()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        dev.SetCoherentMask(0xFF_FFFF);

        var cpu = dev.AllocCoherent(5 * Platform.PageSize, out var handle)!.Value;

        Assert.Equal(0UL, handle.Value % (8 * Platform.PageSize));
        Assert.True(handle.Value + (5 * Platform.PageSize) - 1 <= 0xFF_FFFF);
        Assert.All(platform.CpuRead(cpu, 5 * Platform.PageSize), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Coherent_memory_on_a_non_coherent_device_is_seen_at_once_by_both_sides_M5()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        var cpu = dev.AllocCoherent(256, out var handle)!.Value;

        platform.CpuWrite(cpu, [1, 2, 3, 4]);
        var seen = new byte[4];
        dev.BusView.Read(handle.Value, seen);
        dev.BusView.Write(handle.Value + 8, new byte[] { 9, 9 });

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, seen);
        Assert.Equal(new byte[] { 9, 9 }, platform.CpuRead(cpu + 8, 2));
        Assert.Equal(0, platform.DirtyCacheLines);
    }

    [Fact]
    public void FreeCoherent_returns_the_pages_and_leaves_no_debug_entry_M6()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        ulong before = platform.FreePages;

        var cpu = dev.AllocCoherent(3000, out var handle)!.Value;
        dev.FreeCoherent(3000, cpu, handle);

        Assert.Equal(before, platform.FreePages);
        Assert.Equal(0, platform.Debug.ActiveEntries);
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void FreeCoherent_with_another_cpu_address_is_reported_D5()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        var cpu = dev.AllocCoherent(64, out var handle)!.Value;

        dev.FreeCoherent(64, cpu + 64, handle);

        Assert.True(platform.Debug.Reported(DmaDebugCheck.FreeWrongCpuAddress));
    }

    [Fact]
    public void AllocCoherent_behind_an_iommu_returns_an_iova_in_the_domain_M5()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "gpu", iommu: new Iommu(platform));

        var cpu = dev.AllocCoherent(2 * Platform.PageSize, out var handle)!.Value;
        platform.CpuWrite(cpu, [7]);
        var seen = new byte[1];

        Assert.NotEqual(Platform.VirtToPhys(cpu).Value, handle.Value);
        Assert.Equal(2, dev.IommuMappedPages);
        dev.BusView.Read(handle.Value, seen);
        Assert.Equal(7, seen[0]);
    }
}
