using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

public sealed class AllocatorTests
{
    [Fact]
    public void Kmalloc_is_physically_contiguous_with_a_linear_va_to_pa_relation()
    {
        var platform = Platform.Create();

        var buffer = platform.Kmalloc(3 * Platform.PageSize)!.Value;

        Assert.True(Platform.IsLinear(buffer));
        var pieces = platform.Translate(buffer, 3 * Platform.PageSize);
        Assert.Single(pieces);
        Assert.Equal(Platform.VirtToPhys(buffer).Value, pieces[0].Pa);
    }

    [Fact]
    public void Kmalloc_prefers_memory_above_the_dma_zone()
    {
        var platform = Platform.Create();

        var buffer = platform.Kmalloc(100)!.Value;

        Assert.True(Platform.VirtToPhys(buffer).Value >= 16UL << 20);
    }

    [Fact]
    public void Vmalloc_is_virtually_contiguous_but_physically_scattered()
    {
        var platform = Platform.Create();

        var buffer = platform.Vmalloc(4 * Platform.PageSize)!.Value;

        Assert.True(Platform.IsVmalloc(buffer));
        Assert.Equal(4, platform.Translate(buffer, 4 * Platform.PageSize).Count);
        Assert.Throws<DmaMappingException>(() => Platform.VirtToPhys(buffer));
    }

    [Fact]
    public void Cpu_writes_and_reads_cross_vmalloc_pages_seamlessly()
    {
        var platform = Platform.Create();
        var buffer = platform.Vmalloc(2 * Platform.PageSize)!.Value;
        var data = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();

        platform.CpuWrite(buffer + (Platform.PageSize - 100), data);

        Assert.Equal(data, platform.CpuRead(buffer + (Platform.PageSize - 100), 200));
    }

    [Fact]
    public void MapSingle_of_vmalloc_across_a_page_boundary_fails_and_says_why_M8_D11()
    {
        var platform = Platform.Create();
        var dev = new Device(platform, "nic");
        var buffer = platform.Vmalloc(2 * Platform.PageSize)!.Value;

        var dma = dev.MapSingle(buffer + 100, Platform.PageSize, DmaDataDirection.ToDevice);

        Assert.True(dev.MappingError(dma));
        var report = Assert.Single(platform.Debug.Events);
        Assert.Equal(DmaDebugCheck.MapVmalloc, report.Check);
        Assert.Contains("rejecting DMA map of vmalloc memory", report.Message, StringComparison.Ordinal);
        Assert.Contains("not physically contiguous", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapSingle_of_vmalloc_throws_with_the_reason_in_strict_mode_M8()
    {
        var platform = Platform.Create();
        platform.Debug.Strict = true;
        var dev = new Device(platform, "nic");
        var buffer = platform.Vmalloc(2 * Platform.PageSize)!.Value;

        var error = Assert.Throws<DmaDebugException>(() => dev.MapSingle(buffer, 2 * Platform.PageSize, DmaDataDirection.ToDevice));

        Assert.Equal("M-8", error.Rule);
        Assert.Contains("crosses a page boundary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kfree_and_vfree_return_the_pages()
    {
        var platform = Platform.Create();
        ulong before = platform.FreePages;

        platform.Kfree(platform.Kmalloc(10_000)!.Value);
        platform.Vfree(platform.Vmalloc(10_000)!.Value);

        Assert.Equal(before, platform.FreePages);
    }
}
