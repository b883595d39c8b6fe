using DmaActors.Actors.Memory;
using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

public sealed class SwiotlbTests
{
    private static byte[] Pattern(int length, int salt) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 13) + salt))];

    private static (Platform Platform, Device Device, CpuAddress Buffer) Rig(int length, bool coherent = true)
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "isa", coherent);
        dev.SetMask(0xFF_FFFF);
        var buffer = platform.Kmalloc(length)!.Value;
        Assert.True(Platform.VirtToPhys(buffer).Value > 0xFF_FFFF);
        return (platform, dev, buffer);
    }

    private static byte[] DeviceRead(Device dev, DmaAddress dma, int length)
    {
        var bytes = new byte[length];
        dev.BusView.Read(dma.Value, bytes);
        return bytes;
    }

    [Fact]
    public void Buffer_beyond_the_mask_is_bounced_into_the_low_pool_in_2k_slots_S1()
    {
        var (platform, dev, buffer) = Rig(5000);

        var dma = dev.MapSingle(buffer, 5000, DmaDataDirection.ToDevice);

        Assert.False(dev.MappingError(dma));
        Assert.True(platform.Swiotlb.IsBounceBuffer(dma.Value));
        Assert.True(dma.Value + 4999 <= 0xFF_FFFF);
        Assert.Equal(3, platform.Swiotlb.Stats.UsedSlots);
        dev.UnmapSingle(dma, 5000, DmaDataDirection.ToDevice);
        Assert.Equal(0, platform.Swiotlb.Stats.UsedSlots);
    }

    [Fact]
    public void Mapping_larger_than_128_slots_fails_with_a_mapping_error_S1_S5()
    {
        var (_, dev, buffer) = Rig(300 * 1024);

        Assert.True(dev.MappingError(dev.MapSingle(buffer, 300 * 1024, DmaDataDirection.ToDevice)));
    }

    [Theory]
    [InlineData(DmaDataDirection.ToDevice)]
    [InlineData(DmaDataDirection.FromDevice)]
    [InlineData(DmaDataDirection.Bidirectional)]
    public void Map_copies_the_original_in_for_every_direction_S2(DmaDataDirection direction)
    {
        var (platform, dev, buffer) = Rig(3000);
        var data = Pattern(3000, 1);
        platform.CpuWrite(buffer, data);

        var dma = dev.MapSingle(buffer, 3000, direction);

        Assert.Equal(data, DeviceRead(dev, dma, 3000));
        Assert.Equal(3000, platform.Swiotlb.Stats.BytesBouncedIn);
    }

    [Fact]
    public void Partial_device_write_to_a_from_device_bounce_keeps_the_unwritten_bytes_S2()
    {
        var (platform, dev, buffer) = Rig(1000);
        var data = Pattern(1000, 2);
        platform.CpuWrite(buffer, data);
        var dma = dev.MapSingle(buffer, 1000, DmaDataDirection.FromDevice);

        dev.BusView.Write(dma.Value + 10, new byte[] { 0xEE, 0xEE });
        dev.UnmapSingle(dma, 1000, DmaDataDirection.FromDevice);

        data[10] = data[11] = 0xEE;
        Assert.Equal(data, platform.CpuRead(buffer, 1000));
    }

    [Theory]
    [InlineData(DmaDataDirection.ToDevice, false)]
    [InlineData(DmaDataDirection.FromDevice, true)]
    [InlineData(DmaDataDirection.Bidirectional, true)]
    public void Unmap_copies_out_only_for_from_device_and_bidirectional_S3(DmaDataDirection direction, bool copiesOut)
    {
        var (platform, dev, buffer) = Rig(64);
        platform.CpuWrite(buffer, new byte[64]);
        var dma = dev.MapSingle(buffer, 64, direction);
        dev.BusView.Write(dma.Value, Pattern(64, 3));

        dev.UnmapSingle(dma, 64, direction);

        Assert.Equal(copiesOut ? Pattern(64, 3) : new byte[64], platform.CpuRead(buffer, 64));
        Assert.Equal(copiesOut ? 64 : 0, platform.Swiotlb.Stats.BytesBouncedOut);
    }

    [Theory]
    [InlineData(DmaDataDirection.ToDevice, true, false)]
    [InlineData(DmaDataDirection.FromDevice, false, true)]
    [InlineData(DmaDataDirection.Bidirectional, true, true)]
    public void Sync_for_device_copies_in_and_sync_for_cpu_copies_out_by_direction_S4(DmaDataDirection direction, bool copiesIn, bool copiesOut)
    {
        var (platform, dev, buffer) = Rig(64);
        platform.CpuWrite(buffer, new byte[64]);
        var dma = dev.MapSingle(buffer, 64, direction);

        dev.BusView.Write(dma.Value, Pattern(64, 4));
        dev.SyncSingleForCpu(dma, 64, direction);
        Assert.Equal(copiesOut ? Pattern(64, 4) : new byte[64], platform.CpuRead(buffer, 64));
        platform.CpuWrite(buffer, Pattern(64, 5));
        dev.SyncSingleForDevice(dma, 64, direction);

        Assert.Equal(copiesIn ? Pattern(64, 5) : Pattern(64, 4), DeviceRead(dev, dma, 64));
    }

    [Fact]
    public void Pool_exhaustion_is_a_mapping_error_with_the_kernel_message_not_a_crash_S5()
    {
        var platform = Platform.Create(options: new PlatformOptions { SwiotlbBytes = 8 * 1024 });
        var dev = new Device(platform, "isa");
        dev.SetMask(0xFF_FFFF);
        var buffer = platform.Kmalloc(16 * 1024)!.Value;
        var first = dev.MapSingle(buffer, 8 * 1024, DmaDataDirection.ToDevice);

        var second = dev.MapSingle(buffer + (8 * 1024), 2048, DmaDataDirection.ToDevice);

        Assert.False(dev.MappingError(first));
        Assert.True(dev.MappingError(second));
        var report = Assert.Single(platform.Debug.Events);
        Assert.Equal("swiotlb buffer is full (sz: 2048 bytes), total 4 (slots), used 4 (slots)", report.Message);
        Assert.Equal(1, platform.Swiotlb.Stats.Failures);
    }

    [Fact]
    public void Cpu_writes_after_map_never_reach_a_bounced_device_without_sync_S6()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic", coherent: true) { ForceBounce = true };
        var buffer = platform.Kmalloc(128)!.Value;
        platform.CpuWrite(buffer, Pattern(128, 6));
        var dma = dev.MapSingle(buffer, 128, DmaDataDirection.ToDevice);

        platform.Debug.Enabled = false;
        platform.CpuWrite(buffer, Pattern(128, 7));

        Assert.Equal(Pattern(128, 6), DeviceRead(dev, dma, 128));
        dev.SyncSingleForDevice(dma, 128, DmaDataDirection.ToDevice);
        Assert.Equal(Pattern(128, 7), DeviceRead(dev, dma, 128));
    }

    [Fact]
    public void Bounced_sg_list_maps_each_entry_to_its_own_slot_and_copies_back_S2_S3()
    {
        var (platform, dev, buffer) = Rig(3 * Platform.PageSize);
        var sg = Scatterlist.FromBuffer(platform, buffer, 3 * Platform.PageSize);
        Assert.Equal(1, sg.Count);
        var vm = platform.Vmalloc(3 * Platform.PageSize)!.Value;
        sg = Scatterlist.FromBuffer(platform, vm, 3 * Platform.PageSize);

        int count = dev.MapSg(sg, 3, DmaDataDirection.FromDevice);
        for (int i = 0; i < count; i++) dev.BusView.Write(sg[i].DmaAddress.Value, Pattern(Platform.PageSize, i));
        dev.UnmapSg(sg, 3, DmaDataDirection.FromDevice);

        Assert.Equal(3, count);
        Assert.Equal(Pattern(Platform.PageSize, 2), platform.CpuRead(vm + (2 * Platform.PageSize), Platform.PageSize));
        Assert.Equal(0, platform.Swiotlb.Stats.UsedSlots);
    }

    [Fact]
    public void Default_32_bit_device_bounces_a_page_above_4_GiB_and_a_64_bit_one_does_not_M1_S2()
    {
        var memory = new PhysicalMemory(36, [new RamRegion(0, 64UL << 20), new RamRegion(4UL << 30, 64UL << 20)]);
        var platform = new Platform(memory);
        var buffer = platform.Vmalloc(Platform.PageSize)!.Value;
        var page = platform.VmallocToPage(buffer);
        Assert.True(page.Value > uint.MaxValue);
        var legacy = new Device(platform, "legacy");
        var modern = new Device(platform, "modern");
        modern.SetMaskAndCoherent(ulong.MaxValue);

        var bounced = legacy.MapPage(page, 0, 512, DmaDataDirection.ToDevice);
        var direct = modern.MapPage(page, 0, 512, DmaDataDirection.ToDevice);

        Assert.True(platform.Swiotlb.IsBounceBuffer(bounced.Value));
        Assert.Equal(page.Value, direct.Value);
        Assert.Equal(1, platform.Swiotlb.Stats.Mappings);
    }
}
