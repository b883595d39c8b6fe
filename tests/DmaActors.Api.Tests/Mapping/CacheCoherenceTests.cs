using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

public sealed class CacheCoherenceTests
{
    private static byte[] Pattern(int length, int salt) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 11) + salt))];

    [Fact]
    public void From_device_receive_read_without_sync_for_cpu_is_stale_and_reported_M13_H13()
    {
        var (platform, dev, buffer, dma) = MapFilled(256, 0, DmaDataDirection.FromDevice);

        dev.BusView.Write(dma.Value, Pattern(256, 1));
        var seen = platform.CpuRead(buffer, 256);

        Assert.Equal(new byte[256], seen);
        var report = Assert.Single(platform.Debug.Events);
        Assert.Equal(DmaDebugCheck.CpuAccessWhileDeviceOwned, report.Check);
    }

    [Fact]
    public void From_device_receive_read_after_sync_for_cpu_returns_the_device_bytes_M13()
    {
        var (platform, dev, buffer, dma) = MapFilled(256, 0, DmaDataDirection.FromDevice);

        dev.BusView.Write(dma.Value, Pattern(256, 1));
        dev.SyncSingleForCpu(dma, 256, DmaDataDirection.FromDevice);

        Assert.Equal(Pattern(256, 1), platform.CpuRead(buffer, 256));
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void Cpu_writes_stay_in_the_cache_until_map_cleans_them_M13()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "eth");
        var buffer = platform.Kmalloc(128)!.Value;
        var pa = Platform.VirtToPhys(buffer).Value;
        platform.CpuWrite(buffer, Pattern(128, 2));
        var before = new byte[128];
        dev.BusView.Read(pa, before);

        var dma = dev.MapSingle(buffer, 128, DmaDataDirection.ToDevice);
        var after = new byte[128];
        dev.BusView.Read(dma.Value, after);

        Assert.Equal(new byte[128], before);
        Assert.Equal(Pattern(128, 2), after);
    }

    [Fact]
    public void Cpu_writes_after_map_need_sync_for_device_to_reach_a_non_coherent_device_M13()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "eth");
        var buffer = platform.Kmalloc(128)!.Value;
        platform.CpuWrite(buffer, Pattern(128, 3));
        var dma = dev.MapSingle(buffer, 128, DmaDataDirection.ToDevice);
        dev.SyncSingleForCpu(dma, 128, DmaDataDirection.ToDevice);
        platform.CpuWrite(buffer, Pattern(128, 4));
        var stale = new byte[128];
        dev.BusView.Read(dma.Value, stale);

        dev.SyncSingleForDevice(dma, 128, DmaDataDirection.ToDevice);
        var fresh = new byte[128];
        dev.BusView.Read(dma.Value, fresh);

        Assert.Equal(Pattern(128, 3), stale);
        Assert.Equal(Pattern(128, 4), fresh);
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void Unmap_invalidates_so_the_cpu_sees_the_device_bytes_M13()
    {
        var (platform, dev, buffer, dma) = MapFilled(64, 0x55, DmaDataDirection.Bidirectional);

        dev.BusView.Write(dma.Value, Pattern(64, 5));
        dev.UnmapSingle(dma, 64, DmaDataDirection.Bidirectional);

        Assert.Equal(Pattern(64, 5), platform.CpuRead(buffer, 64));
    }

    [Fact]
    public void Coherent_device_and_cpu_see_each_others_writes_at_once()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "pcie-nic", coherent: true);
        var buffer = platform.Kmalloc(64)!.Value;
        var pa = Platform.VirtToPhys(buffer).Value;
        platform.CpuFill(buffer, 0x11, 64);
        var seen = new byte[64];

        dev.BusView.Read(pa, seen);
        dev.BusView.Write(pa, Pattern(64, 6));

        Assert.All(seen, b => Assert.Equal(0x11, b));
        Assert.Equal(Pattern(64, 6), platform.CpuRead(buffer, 64));
    }

    /// <summary>A non-coherent device and a kmalloc buffer the CPU filled with <paramref name="fill"/>, mapped for <paramref name="direction"/> (mapping checked).</summary>
    private static (Platform Platform, Device Device, CpuAddress Buffer, DmaAddress Dma) MapFilled(int size, byte fill, DmaDataDirection direction)
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "eth");
        var buffer = platform.Kmalloc(size)!.Value;
        platform.CpuFill(buffer, fill, size);
        var dma = dev.MapSingle(buffer, size, direction);
        dev.MappingError(dma);
        return (platform, dev, buffer, dma);
    }
}
