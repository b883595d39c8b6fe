using DmaActors.Mapping;
using DmaActors.Mapping.Cma;
using DmaActors.Mapping.DmaBufs;
using DmaActors.Mapping.Heaps;

namespace DmaActors.Api.Tests.Mapping.DmaBufs;

/// <summary>DB-1…DB-8, DB-12: export, references, attach/map/unmap, CPU access and the heaps.</summary>
public sealed class DmaBufTests
{
    private const int Mib = 1 << 20;

    private static Platform WithCma() => Platform.Create(256, new PlatformOptions { Cma = CmaParameter.Parse("64M") });

    [Fact]
    public void Export_needs_ops_priv_and_a_size_DB_1()
    {
        var platform = Platform.Create();
        var ops = new PageListExporter(platform, [], _ => { });
        Assert.Equal("DB-1", Assert.Throws<DmaMappingException>(() => DmaBuf.Export(platform, new DmaBufExportInfo { ExpName = "x", Ops = null!, Size = 4096, Priv = ops })).Rule);
        Assert.Equal("DB-1", Assert.Throws<DmaMappingException>(() => DmaBuf.Export(platform, new DmaBufExportInfo { ExpName = "x", Ops = ops, Size = 0, Priv = ops })).Rule);
    }

    [Fact]
    public void The_buffer_is_freed_at_the_last_put_and_not_before_DB_2()
    {
        var platform = WithCma();
        var heap = new CmaHeap(platform);
        var buf = heap.Allocate(3 * Mib);

        Assert.Same(buf, buf.Get());
        Assert.Equal(2, buf.RefCount);
        buf.Put();
        Assert.False(buf.IsReleased);
        Assert.Equal(768UL, heap.Area.UsedPages);
        buf.Put();
        Assert.True(buf.IsReleased);
        Assert.Equal(0UL, heap.Area.UsedPages);
        Assert.Equal("DB-2", Assert.Throws<DmaMappingException>(buf.Put).Rule);
        Assert.Equal("DB-2", Assert.Throws<DmaMappingException>(() => buf.Get()).Rule);
    }

    [Fact]
    public void System_heap_pages_are_scattered_in_orders_8_4_0_and_go_back_at_release_DB_12()
    {
        var platform = Platform.Create();
        long free = (long)platform.FreePages;
        var buf = new SystemHeap(platform).Allocate((1 * Mib) + (17 * Platform.PageSize));
        var runs = ((PageListExporter)buf.Priv).Runs;
        Assert.Equal([1L << 20, 1L << 16, 1L << 12], runs.Select(r => r.Length));
        buf.Put();
        Assert.Equal(free, (long)platform.FreePages);
    }

    [Fact]
    public void Heaps_refuse_zero_and_report_ENOMEM_DB_12()
    {
        var platform = WithCma();
        Assert.Equal("EINVAL", Assert.Throws<DmaMappingException>(() => new SystemHeap(platform).Allocate(0)).Errno);
        Assert.Equal("ENOMEM", Assert.Throws<DmaMappingException>(() => new CmaHeap(platform).Allocate(65 * Mib)).Errno);
        Assert.Equal("ENODEV", Assert.Throws<DmaMappingException>(() => new CmaHeap(Platform.Create())).Errno);
    }

    [Fact]
    public void Each_importer_gets_the_buffer_mapped_its_own_way_IOMMU_direct_or_bounced_DB_3_DB_4()
    {
        var platform = WithCma();
        var buf = new CmaHeap(platform).Allocate(2 * Mib);
        var iommu = new Iommu(platform);
        var display = new Device(platform, "display", iommu: iommu) { MaxSegmentSize = uint.MaxValue };
        var camera = new Device(platform, "camera") { MaxSegmentSize = uint.MaxValue };
        var isa = new Device(platform, "isa") { MaxSegmentSize = uint.MaxValue };
        isa.SetMaskAndCoherent(0xFF_FFFF);
        var runs = ((PageListExporter)buf.Priv).Runs;

        var a = buf.Attach(display);
        var b = buf.Attach(camera);
        var c = buf.Attach(isa);
        Assert.Equal([a, b, c], buf.Attachments);
        var viaIommu = buf.MapAttachment(a, DmaDataDirection.ToDevice)!;
        var direct = buf.MapAttachment(b, DmaDataDirection.FromDevice)!;

        Assert.Equal(512, display.IommuMappedPages);
        Assert.NotEqual(runs[0].Start.Value, viaIommu[0].DmaAddress.Value);
        Assert.Equal(2u * Mib, viaIommu[0].DmaLength);
        Assert.Equal(runs[0].Start.Value, direct[0].DmaAddress.Value);
        // The ISA device cannot reach the CMA area (top of RAM): a 2 MiB entry is more than swiotlb maps in one go.
        Assert.Null(buf.MapAttachment(c, DmaDataDirection.FromDevice));

        buf.UnmapAttachment(a, viaIommu, DmaDataDirection.ToDevice);
        Assert.Equal(0, display.IommuMappedPages);
        buf.Detach(b); // detach unmaps what is still mapped
        Assert.Null(b.Mapped);
        Assert.Equal(0, camera.ActiveMappings);
        buf.Detach(a);
        buf.Detach(c);
        Assert.Empty(buf.Attachments);
        buf.Put();
        Assert.All(platform.Debug.Events, e => Assert.Equal(DmaDebugCheck.SwiotlbFull, e.Check));
    }

    [Fact]
    public void Begin_cpu_access_invalidates_so_the_cpu_sees_what_a_non_coherent_device_wrote_DB_6()
    {
        var platform = WithCma();
        var buf = new CmaHeap(platform).Allocate(Platform.PageSize);
        var camera = new Device(platform, "camera");
        var at = buf.Attach(camera);
        var table = buf.MapAttachment(at, DmaDataDirection.FromDevice)!;
        var va = buf.Vmap();

        buf.BeginCpuAccess(DmaDataDirection.FromDevice);
        Assert.Equal(new byte[64], platform.CpuRead(va, 64)); // the lines are now in the cache
        buf.EndCpuAccess(DmaDataDirection.FromDevice);
        camera.BusView.Write(table[0].DmaAddress.Value, Enumerable.Repeat((byte)0xAB, 64).ToArray());
        buf.BeginCpuAccess(DmaDataDirection.FromDevice);
        Assert.Equal(Enumerable.Repeat((byte)0xAB, 64).ToArray(), platform.CpuRead(va, 64));
        buf.EndCpuAccess(DmaDataDirection.FromDevice);

        Assert.Empty(platform.Debug.Events);
        buf.Vunmap(va);
        buf.Detach(at);
        buf.Put();
    }

    [Fact]
    public void End_cpu_access_writes_cpu_stores_back_for_the_device_DB_6()
    {
        var platform = WithCma();
        var buf = new SystemHeap(platform).Allocate(Platform.PageSize);
        var display = new Device(platform, "display", iommu: new Iommu(platform));
        var va = buf.Vmap();
        buf.BeginCpuAccess(DmaDataDirection.ToDevice);
        platform.CpuWrite(va, [1, 2, 3, 4]);
        buf.EndCpuAccess(DmaDataDirection.ToDevice);

        var at = buf.Attach(display);
        var table = buf.MapAttachment(at, DmaDataDirection.ToDevice)!;
        var seen = new byte[4];
        display.BusView.Read(table[0].DmaAddress.Value, seen);
        Assert.Equal([1, 2, 3, 4], seen);
    }

    [Fact]
    public void Vmap_is_counted_and_the_last_put_with_a_vmap_live_is_refused_DB_7()
    {
        var platform = WithCma();
        var buf = new SystemHeap(platform).Allocate(8 * Platform.PageSize);
        var va = buf.Vmap();
        Assert.Equal(va, buf.Vmap());
        buf.Vunmap(va);
        Assert.Equal("DB-7", Assert.Throws<DmaMappingException>(buf.Put).Rule);
        buf.Vunmap(va);
        Assert.Equal("DB-7", Assert.Throws<DmaMappingException>(() => buf.Vunmap(va)).Rule);
        buf.Put();
        Assert.True(buf.IsReleased);
    }

    [Fact]
    public void Detaching_twice_mapping_twice_and_ending_without_begin_are_refused_DB_3_DB_4_DB_6()
    {
        var platform = WithCma();
        var buf = new SystemHeap(platform).Allocate(Platform.PageSize);
        var dev = new Device(platform, "display");
        var at = buf.Attach(dev);
        buf.MapAttachment(at, DmaDataDirection.ToDevice);
        Assert.Equal("EBUSY", Assert.Throws<DmaMappingException>(() => buf.MapAttachment(at, DmaDataDirection.ToDevice)).Errno);
        buf.Detach(at);
        Assert.Equal("DB-3", Assert.Throws<DmaMappingException>(() => buf.Detach(at)).Rule);
        Assert.Equal("DB-6", Assert.Throws<DmaMappingException>(() => buf.EndCpuAccess(DmaDataDirection.ToDevice)).Rule);
    }

    [Fact]
    public void An_exporter_may_refuse_a_device_with_its_errno_DB_3()
    {
        var platform = Platform.Create();
        var buf = DmaBuf.Export(platform, new DmaBufExportInfo { ExpName = "secure", Ops = new Refusing(), Size = 4096, Priv = this });
        var e = Assert.Throws<DmaMappingException>(() => buf.Attach(new Device(platform, "gpu")));
        Assert.Equal("EPERM", e.Errno);
        Assert.Empty(buf.Attachments);
    }

    private sealed class Refusing : IDmaBufOps
    {
        public int Attach(DmaBufAttachment attachment) => -1;

        public Scatterlist? MapDmaBuf(DmaBufAttachment attachment, DmaDataDirection direction) => null;

        public void UnmapDmaBuf(DmaBufAttachment attachment, Scatterlist table, DmaDataDirection direction)
        {
        }

        public void Release(DmaBuf dmabuf)
        {
        }
    }
}
