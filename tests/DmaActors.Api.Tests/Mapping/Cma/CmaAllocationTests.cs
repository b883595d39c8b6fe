using DmaActors.Mapping;
using DmaActors.Mapping.Cma;

namespace DmaActors.Api.Tests.Mapping.Cma;

/// <summary>CMA-6, CMA-7, CMA-11, CMA-12: dma_alloc_coherent and dma_alloc_pages on a device without an IOMMU.</summary>
public sealed class CmaAllocationTests
{
    private const int Mib = 1 << 20;

    private static Platform WithCma(string cma = "64M") => Platform.Create(256, new PlatformOptions { Cma = CmaParameter.Parse(cma) });

    [Fact]
    public void The_page_allocator_refuses_orders_above_MAX_PAGE_ORDER_CMA_12()
    {
        var platform = Platform.Create(256);
        Assert.NotNull(platform.AllocPages(Platform.MaxPageOrder));
        Assert.Null(platform.AllocPages(Platform.MaxPageOrder + 1));
        Assert.Null(new Device(platform, "vpu").AllocCoherent(8 * Mib, out var handle));
        Assert.True(handle.IsMappingError);
    }

    [Fact]
    public void A_coherent_buffer_larger_than_the_buddy_allocator_can_give_comes_from_CMA_physically_contiguous_CMA_6_CMA_7()
    {
        var platform = WithCma();
        var area = platform.DefaultCmaArea!;
        var dev = new Device(platform, "vpu");

        var cpu = dev.AllocCoherent(8 * Mib, out var handle)!.Value;

        // dma-direct: bus address = physical address, inside the area, aligned to CONFIG_CMA_ALIGNMENT (2^8 pages).
        Assert.Equal(handle.Value, Platform.VirtToPhys(cpu).Value);
        Assert.InRange(handle.Value, area.Base.Value, area.Base.Value + area.Size - (8 * Mib));
        Assert.Equal(0UL, handle.Value % (256UL * Platform.PageSize));
        Assert.Equal(2048UL, area.UsedPages);
        Assert.Equal(2048UL, area.AllocPagesSuccess);
        // Physically contiguous: the device writes 8 MiB at consecutive bus addresses and the CPU,
        // reading its linear map page by page, sees the same bytes.
        var pattern = new byte[8 * Mib];
        new Random(7).NextBytes(pattern);
        dev.BusView.Write(handle.Value, pattern);
        Assert.Equal(pattern, platform.CpuRead(cpu, 8 * Mib));
        Assert.Single(platform.Translate(cpu, 8 * Mib));

        dev.FreeCoherent(8 * Mib, cpu, handle);
        Assert.Equal(0UL, area.UsedPages);
    }

    [Fact]
    public void One_page_does_not_use_the_default_area_but_uses_the_devices_own_CMA_6()
    {
        var platform = WithCma();
        var area = platform.DefaultCmaArea!;
        var dev = new Device(platform, "uart");
        dev.AllocCoherent(Platform.PageSize, out _);
        Assert.Equal(0UL, area.UsedPages);

        dev.CmaArea = area;
        dev.AllocCoherent(Platform.PageSize, out var handle);
        Assert.Equal(1UL, area.UsedPages);
        Assert.InRange(handle.Value, area.Base.Value, area.Base.Value + area.Size - 1);
    }

    [Fact]
    public void Cma_pages_beyond_the_coherent_mask_go_back_and_the_page_allocator_serves_CMA_7()
    {
        var platform = WithCma();
        var area = platform.DefaultCmaArea!;
        var dev = new Device(platform, "isa");
        dev.SetCoherentMask(0xFF_FFFF);

        dev.AllocCoherent(64 * 1024, out var handle);

        Assert.True(handle.Value < 0x100_0000);
        Assert.Equal(16UL, area.AllocPagesSuccess);
        Assert.Equal(0UL, area.UsedPages);
    }

    [Fact]
    public void Dma_alloc_pages_takes_large_buffers_from_CMA_too_and_gives_them_back_CMA_6()
    {
        var platform = WithCma();
        var area = platform.DefaultCmaArea!;
        var dev = new Device(platform, "isp");

        var page = dev.AllocPages(6 * Mib, out var handle, DmaDataDirection.FromDevice)!.Value;

        Assert.Equal(page.Value, handle.Value);
        Assert.Equal(1536UL, area.UsedPages);
        dev.FreePages(6 * Mib, page, handle, DmaDataDirection.FromDevice);
        Assert.Equal(0UL, area.UsedPages);
        Assert.Equal(0, platform.Debug.ErrorCount);
    }

    [Fact]
    public void Cma_release_of_pages_outside_the_area_returns_false_CMA_11()
    {
        var platform = WithCma();
        var area = platform.DefaultCmaArea!;
        Assert.False(area.Release(new PhysAddress(0x10_0000), 1));
        var pages = area.Alloc(4, 0)!.Value;
        Assert.True(area.Release(pages, 4));
    }

    [Fact]
    public void Freed_chunks_show_as_fragmentation_CMA_8()
    {
        var area = WithCma("4M").DefaultCmaArea!;
        var a = area.Alloc(256, 8)!.Value;
        var b = area.Alloc(256, 8)!.Value;
        var c = area.Alloc(256, 8)!.Value;
        Assert.True(area.Release(b, 256));

        Assert.Equal([(b, 256UL), (new PhysAddress(c.Value + (256UL * Platform.PageSize)), 256UL)], area.FreeRuns);
        Assert.Equal(256UL, area.MaxChunk);
        Assert.Equal("#.#.", area.Bitmap(256));
        Assert.Null(area.Alloc(512, 0)); // 512 free pages, but not in one piece
        Assert.Equal(a.Value + (512UL * Platform.PageSize), c.Value);
    }
}
