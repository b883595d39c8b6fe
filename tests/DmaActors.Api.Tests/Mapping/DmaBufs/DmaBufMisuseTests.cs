using DmaActors.Mapping;
using DmaActors.Mapping.Cma;
using DmaActors.Mapping.DmaBufs;
using DmaActors.Mapping.Fences;
using DmaActors.Mapping.Heaps;

namespace DmaActors.Api.Tests.Mapping.DmaBufs;

/// <summary>The dma-debug-style checks for dma-buf misuse, each as an event (and, in strict mode, an exception).</summary>
public sealed class DmaBufMisuseTests
{
    private readonly Platform _platform = Platform.Create(256, new PlatformOptions { Cma = CmaParameter.Parse("16M") });

    [Fact]
    public void Cpu_access_without_begin_cpu_access_is_reported_DB_6()
    {
        var buf = new CmaHeap(_platform).Allocate(Platform.PageSize);
        var va = buf.Vmap();
        _platform.CpuRead(va, 16);

        var report = Assert.Single(_platform.Debug.Events);
        Assert.Equal(DmaDebugCheck.DmaBufCpuAccessWithoutBegin, report.Check);
        Assert.Equal("DB-6", report.Rule);
        Assert.Contains("outside dma_buf_begin_cpu_access()", report.Message, StringComparison.Ordinal);

        buf.BeginCpuAccess(DmaDataDirection.Bidirectional);
        _platform.CpuWrite(va, [1]);
        buf.EndCpuAccess(DmaDataDirection.Bidirectional);
        Assert.Single(_platform.Debug.Events);
    }

    [Fact]
    public void Map_of_a_detached_attachment_is_reported_and_gets_nothing_DB_4()
    {
        var buf = new SystemHeap(_platform).Allocate(Platform.PageSize);
        var dev = new Device(_platform, "display");
        var at = buf.Attach(dev);
        buf.Detach(at);

        Assert.Null(buf.MapAttachment(at, DmaDataDirection.ToDevice));
        Assert.True(_platform.Debug.Reported(DmaDebugCheck.DmaBufMapDetached));
        Assert.Equal(0, dev.ActiveMappings);
    }

    [Fact]
    public void Unmap_of_a_table_that_was_not_mapped_is_reported_DB_5()
    {
        var buf = new SystemHeap(_platform).Allocate(Platform.PageSize);
        var dev = new Device(_platform, "display");
        var at = buf.Attach(dev);
        buf.UnmapAttachment(at, new Scatterlist(1), DmaDataDirection.ToDevice);
        Assert.Equal("DB-5", Assert.Single(_platform.Debug.Events).Rule);

        var table = buf.MapAttachment(at, DmaDataDirection.ToDevice)!;
        buf.UnmapAttachment(at, table, DmaDataDirection.ToDevice);
        buf.UnmapAttachment(at, table, DmaDataDirection.ToDevice); // twice
        Assert.Equal(2, _platform.Debug.Events.Count(e => e.Check == DmaDebugCheck.DmaBufUnmapNotMapped));
    }

    [Fact]
    public void The_last_put_with_a_device_still_attached_is_reported_DB_8()
    {
        var buf = new SystemHeap(_platform).Allocate(Platform.PageSize);
        buf.Attach(new Device(_platform, "display"));
        buf.Put();

        var report = Assert.Single(_platform.Debug.Events);
        Assert.Equal(DmaDebugCheck.DmaBufAttachedAtRelease, report.Check);
        Assert.Contains("still attached to display", report.Message, StringComparison.Ordinal);
        Assert.True(buf.IsReleased);
    }

    [Fact]
    public void Strict_mode_turns_a_misuse_into_an_exception_DB_5()
    {
        _platform.Debug.Strict = true;
        var buf = new SystemHeap(_platform).Allocate(Platform.PageSize);
        var at = buf.Attach(new Device(_platform, "display"));
        Assert.Equal("DB-5", Assert.Throws<DmaDebugException>(() => buf.UnmapAttachment(at, new Scatterlist(1), DmaDataDirection.ToDevice)).Rule);
    }

    [Fact]
    public void An_armed_fence_released_unsignalled_is_reported_and_signalled_with_EDEADLK_DB_10()
    {
        var fence = new DmaFence("csi", "frames", DmaFence.ContextAlloc(), 1, _platform.Debug);
        fence.Arm();
        fence.Put();

        var report = Assert.Single(_platform.Debug.Events);
        Assert.Equal(DmaDebugCheck.FenceNeverSignalled, report.Check);
        Assert.Contains("released with pending signals", report.Message, StringComparison.Ordinal);
        Assert.True(fence.IsSignaled);
        Assert.Equal(-35, fence.Error);
    }
}
