using DmaActors.Mapping;
using DmaActors.Mapping.Cma;

namespace DmaActors.Api.Tests.Mapping.Cma;

/// <summary>CMA-8, CMA-9, CMA-10: reusable pages lent to movable allocations, migrated out, or pinned and skipped; the counters.</summary>
public sealed class CmaMigrationTests
{
    /// <summary>64 MiB of RAM with 48 MiB of CMA: free CMA memory is more than half the free memory, so movable pages borrow it.</summary>
    private static Platform Borrowing(string cma = "48M") => Platform.Create(64, new PlatformOptions { Cma = CmaParameter.Parse(cma), SwiotlbBytes = 1 << 20 });

    /// <summary>A 4 MiB area whose free memory is less than half of all; ordinary memory is used up first, so the movable page lands in CMA only then.</summary>
    private static (CmaArea Area, MovablePage Page) LentOnceOrdinaryMemoryIsGone()
    {
        var platform = Borrowing("4M");
        while (platform.AllocPages(0) is not null)
        {
        }
        var page = platform.AllocMovablePage()!;
        Assert.Same(platform.DefaultCmaArea, page.Area);
        return (platform.DefaultCmaArea!, page);
    }

    [Fact]
    public void Movable_pages_borrow_CMA_when_it_is_most_of_free_memory_CMA_10()
    {
        var platform = Borrowing();
        var page = platform.AllocMovablePage()!;
        Assert.Same(platform.DefaultCmaArea, page.Area);
        Assert.Equal(platform.DefaultCmaArea!.Base, page.Phys);

        var small = Platform.Create(256, new PlatformOptions { Cma = CmaParameter.Parse("16M") });
        Assert.Null(small.AllocMovablePage()!.Area);
    }

    [Fact]
    public void Cma_alloc_migrates_a_lent_page_out_with_its_bytes_CMA_10()
    {
        var platform = Borrowing();
        var area = platform.DefaultCmaArea!;
        var page = platform.AllocMovablePage()!;
        var bytes = Enumerable.Range(0, Platform.PageSize).Select(i => (byte)(i * 7)).ToArray();
        platform.CpuWrite(Platform.PhysToVirt(page.Phys), bytes);

        var got = area.Alloc(16, 4);

        Assert.Equal(area.Base, got);
        Assert.Equal(1, page.Migrations);
        Assert.Null(page.Area);
        Assert.NotEqual(area.Base, page.Phys);
        Assert.Equal(bytes, platform.CpuRead(Platform.PhysToVirt(page.Phys), Platform.PageSize));
    }

    [Fact]
    public void A_pinned_page_makes_its_range_busy_and_cma_alloc_retries_past_it_CMA_8()
    {
        var platform = Borrowing();
        var area = platform.DefaultCmaArea!;
        var page = platform.AllocMovablePage()!;
        page.Pin();

        var got = area.Alloc(16, 4)!.Value;

        // bitmap_no 0 was busy; the retry starts at bitmap_no + mask + 1 = 16.
        Assert.Equal(area.Base.Value + (16UL * Platform.PageSize), got.Value);
        Assert.Equal(area.Base, page.Phys);
        Assert.Equal(0, page.Migrations);
        Assert.Contains(area.Log, l => l.Contains($"memory range at pfn 0x{area.Base.Value / Platform.PageSize:x} is busy, retrying", StringComparison.Ordinal));
        Assert.Equal("P#..", area.Bitmap(16)[..4]);
        Assert.Equal(16UL, area.AllocPagesSuccess);

        page.Unpin();
        Assert.Equal(area.Base, area.Alloc(16, 4));
        Assert.Equal(1, page.Migrations);
    }

    [Fact]
    public void Exhaustion_returns_null_logs_ENOMEM_and_counts_the_failed_pages_CMA_9()
    {
        var area = Borrowing("4M").DefaultCmaArea!;
        Assert.NotNull(area.Alloc(1024, 8));

        Assert.Null(area.Alloc(1, 0));
        Assert.Null(area.Alloc(2000, 0)); // more than the area: fails without a search

        Assert.Equal(1024UL, area.AllocPagesSuccess);
        Assert.Equal(2001UL, area.AllocPagesFail);
        Assert.Equal("cma_alloc: reserved: alloc failed, req-size: 1 pages, ret: -12", area.Log[0]);
    }

    [Fact]
    public void When_the_only_fitting_range_is_pinned_the_failure_carries_EBUSY_CMA_9()
    {
        var (area, page) = LentOnceOrdinaryMemoryIsGone();
        page.Pin();

        Assert.Null(area.Alloc(1024, 0));

        Assert.Equal("cma_alloc: reserved: alloc failed, req-size: 1024 pages, ret: -16", area.Log[^1]);
        Assert.Equal(1024UL, area.AllocPagesFail);
    }

    [Fact]
    public void A_lent_page_with_nowhere_to_go_fails_the_range_with_ENOMEM_CMA_10()
    {
        var (area, page) = LentOnceOrdinaryMemoryIsGone();

        Assert.Null(area.Alloc(1024, 0)); // the whole area: the page can move neither out nor aside

        Assert.EndsWith("ret: -12", area.Log[^1], StringComparison.Ordinal);
        Assert.Same(area, page.Area);
        Assert.NotNull(area.Alloc(1023, 0)); // leaves it one page to move to
        Assert.Equal(1, page.Migrations);
    }

    [Fact]
    public void Freeing_or_unpinning_wrongly_is_refused_CMA_10()
    {
        var page = Borrowing().AllocMovablePage()!;
        Assert.Equal("CMA-10", Assert.Throws<DmaMappingException>(page.Unpin).Rule);
        page.Pin();
        Assert.Equal("EBUSY", Assert.Throws<DmaMappingException>(page.Free).Errno);
        page.Unpin();
        page.Free();
        Assert.Throws<DmaMappingException>(page.Pin);
    }
}
