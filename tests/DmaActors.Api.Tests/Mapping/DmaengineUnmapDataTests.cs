using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

public sealed class DmaengineUnmapDataTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 16)]
    [InlineData(129, 256)]
    public void Get_takes_the_smallest_pool_that_holds_the_count_M16(int count, int capacity)
    {
        var dev = new Device(Platform.Create(), "dma0");

        Assert.Equal(capacity, DmaengineUnmapData.Get(dev, count)!.Addresses.Length);
        Assert.Null(DmaengineUnmapData.Get(dev, 257));
    }

    [Fact]
    public void Last_put_unmaps_to_then_from_then_bidirectional_skipping_zero_addresses_M16()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "dma0");
        var buffer = platform.Kmalloc(4 * 4096)!.Value;
        var page = Platform.VirtToPhys(buffer);
        var unmap = DmaengineUnmapData.Get(dev, 4)!;
        unmap.Length = 4096;
        unmap.Addresses[0] = dev.MapPage(page, 0, 4096, DmaDataDirection.ToDevice);
        unmap.Addresses[1] = dev.MapPage(page, 4096, 4096, DmaDataDirection.ToDevice);
        unmap.Addresses[2] = dev.MapPage(page, 8192, 4096, DmaDataDirection.FromDevice);
        unmap.Addresses[3] = dev.MapPage(page, 12288, 4096, DmaDataDirection.Bidirectional);
        foreach (var address in unmap.Addresses.Take(4)) dev.MappingError(address);
        (unmap.ToCount, unmap.FromCount, unmap.BidiCount) = (2, 1, 2);
        unmap.AddReference();

        unmap.Put();
        Assert.Equal(4, dev.ActiveMappings);
        unmap.Put();

        Assert.Equal(0, dev.ActiveMappings);
        Assert.Empty(platform.Debug.Events);
    }
}
