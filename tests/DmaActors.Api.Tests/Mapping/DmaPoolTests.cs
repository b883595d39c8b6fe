using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

public sealed class DmaPoolTests
{
    private static Device NewDevice(out Platform platform)
    {
        platform = Platform.Create();
        return new Device(platform, "ehci");
    }

    [Theory]
    [InlineData(0L, 8L, 0L)]
    [InlineData(64L, 3L, 0L)]
    [InlineData(64L, 8L, 32L)]
    [InlineData(64L, 8L, 96L)]
    public void Create_refuses_what_the_kernel_refuses_B1(long size, long align, long boundary)
    {
        var dev = NewDevice(out _);

        Assert.Null(DmaPool.Create("p", dev, size, align, boundary));
    }

    [Fact]
    public void Create_without_device_is_null_and_sizes_round_up_to_the_block_minimum_and_alignment_B1()
    {
        var dev = NewDevice(out _);

        Assert.Null(DmaPool.Create("p", null, 64, 8, 0));
        var pool = DmaPool.Create(new string('x', 40), dev, 5, 0, 0)!;
        Assert.Equal(16, pool.Size);
        Assert.Equal(31, pool.Name.Length);
        Assert.Equal(Platform.PageSize, pool.Boundary);
        Assert.Equal(64, DmaPool.Create("p", dev, 40, 32, 0)!.Size);
    }

    [Fact]
    public void Alloc_hands_out_the_most_recently_freed_block_first_B3()
    {
        var dev = NewDevice(out _);
        var pool = DmaPool.Create("td", dev, 64, 64, 0)!;
        var a = pool.Alloc(out var da)!.Value;
        var b = pool.Alloc(out var db)!.Value;

        pool.Free(a, da);
        pool.Free(b, db);

        Assert.Equal(b, pool.Alloc(out var again));
        Assert.Equal(db, again);
    }

    [Fact]
    public void Blocks_never_cross_the_boundary_B2()
    {
        var dev = NewDevice(out _);
        var pool = DmaPool.Create("qh", dev, 96, 32, 256)!;

        for (int i = 0; i < 100; i++)
        {
            pool.Alloc(out var dma);
            Assert.Equal(dma.Value / 256, (dma.Value + 95) / 256);
        }
    }

    [Fact]
    public void Free_of_an_already_free_block_is_reported_not_freed_twice_B4()
    {
        var dev = NewDevice(out var platform);
        var pool = DmaPool.Create("td", dev, 32, 0, 0)!;
        var a = pool.Alloc(out var da)!.Value;
        pool.Free(a, da);

        pool.Free(a, da);

        var report = Assert.Single(platform.Debug.Events);
        Assert.Equal(DmaDebugCheck.PoolBadFree, report.Check);
        Assert.Contains("already free", report.Message, StringComparison.Ordinal);
        Assert.NotEqual(pool.Alloc(out _), pool.Alloc(out _));
    }

    [Fact]
    public void Blocks_are_poisoned_on_alloc_and_free_B4()
    {
        var dev = NewDevice(out var platform);
        var pool = DmaPool.Create("td", dev, 32, 0, 0)!;

        var a = pool.Alloc(out var da)!.Value;
        Assert.All(platform.CpuRead(a, 32), b => Assert.Equal(DmaPool.PoisonAllocated, b));
        pool.Free(a, da);
        Assert.All(platform.CpuRead(a, 32), b => Assert.Equal(DmaPool.PoisonFreed, b));
        Assert.All(platform.CpuRead(pool.Alloc(out _, zero: true)!.Value, 32), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Destroy_with_live_blocks_reports_busy_and_leaks_the_chunks_B5()
    {
        var dev = NewDevice(out var platform);
        var pool = DmaPool.Create("busy", dev, 64, 0, 0)!;
        pool.Alloc(out _);
        ulong free = platform.FreePages;

        pool.Destroy();

        Assert.True(pool.LeakedOnDestroy);
        var report = Assert.Single(platform.Debug.Events);
        Assert.Equal("dma_pool_destroy busy busy", report.Message);
        Assert.Equal(free, platform.FreePages);
    }

    [Fact]
    public void Destroy_of_an_idle_pool_frees_its_chunks_B5()
    {
        var dev = NewDevice(out var platform);
        ulong free = platform.FreePages;
        var pool = DmaPool.Create("idle", dev, 64, 0, 0)!;
        var a = pool.Alloc(out var da)!.Value;
        pool.Free(a, da);

        pool.Destroy();

        Assert.Equal(free, platform.FreePages);
        Assert.Empty(platform.Debug.Events);
    }

    [Theory]
    [InlineData(1, 24L, 8L, 0L)]
    [InlineData(2, 100L, 4L, 512L)]
    [InlineData(3, 1000L, 64L, 1024L)]
    [InlineData(4, 3000L, 16L, 4096L)]
    [InlineData(5, 40L, 16L, 64L)]
    public void Ten_thousand_random_allocs_and_frees_never_overlap_nor_cross_the_boundary_B2_B3(int seed, long size, long align, long boundary)
    {
        // Property test with seeded inputs (FsCheck is not available on this mirror).
        var dev = NewDevice(out var platform);
        var pool = DmaPool.Create("prop", dev, size, align, boundary)!;
        var random = new Random(seed);
        var live = new List<(CpuAddress Cpu, DmaAddress Dma)>();
        var owned = new SortedDictionary<ulong, ulong>();

        for (int step = 0; step < 10_000; step++)
        {
            if (live.Count > 0 && random.Next(2) == 0)
            {
                int victim = random.Next(live.Count);
                pool.Free(live[victim].Cpu, live[victim].Dma);
                owned.Remove(live[victim].Dma.Value);
                live.RemoveAt(victim);
                continue;
            }
            var cpu = pool.Alloc(out var dma)!.Value;
            ulong start = dma.Value, end = start + (ulong)pool.Size;
            Assert.Equal(0UL, start % (ulong)align);
            Assert.Equal(start / (ulong)pool.Boundary, (end - 1) / (ulong)pool.Boundary);
            Assert.DoesNotContain(owned, o => o.Key < end && start < o.Value);
            Assert.Equal(Platform.VirtToPhys(cpu).Value, dma.Value);
            owned[start] = end;
            live.Add((cpu, dma));
        }
        Assert.Empty(platform.Debug.Events);
        Assert.Equal(live.Count, pool.ActiveBlocks);
    }

    [Fact]
    public void Pools_sysfs_file_lists_each_pool_with_active_and_total_blocks_B6()
    {
        var dev = NewDevice(out _);
        var pool = DmaPool.Create("ehci_qh", dev, 96, 32, 4096)!;
        pool.Alloc(out _);
        pool.Alloc(out _);

        Assert.Equal("poolinfo - 0.1\nehci_qh             2   42   96  1\n", dev.PoolsInfo);
    }
}
