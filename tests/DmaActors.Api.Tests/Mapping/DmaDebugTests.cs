using DmaActors.Mapping;

namespace DmaActors.Api.Tests.Mapping;

public sealed class DmaDebugTests
{
    private readonly Platform _platform = Platform.Create();
    private readonly Device _dev;
    private readonly CpuAddress _buffer;

    public DmaDebugTests()
    {
        _dev = new Device(_platform, "eth0");
        _buffer = _platform.Kmalloc(4096)!.Value;
    }

    private DmaAddress MapChecked(long size, DmaDataDirection direction)
    {
        var dma = _dev.MapSingle(_buffer, size, direction);
        Assert.False(_dev.MappingError(dma));
        return dma;
    }

    private DmaDebugEvent Only() => Assert.Single(_platform.Debug.Events);

    [Fact]
    public void Unmap_of_DMA_MAPPING_ERROR_is_reported_as_invalid_D1()
    {
        _dev.UnmapSingle(DmaAddress.MappingError, 64, DmaDataDirection.ToDevice);

        Assert.Equal("device driver tries to free an invalid DMA memory address", Only().Message);
    }

    [Fact]
    public void Unmap_of_an_address_never_mapped_is_reported_D2()
    {
        _dev.UnmapSingle(new DmaAddress(0x1234_0000), 64, DmaDataDirection.ToDevice);

        var report = Only();
        Assert.Equal(DmaDebugCheck.FreeNotAllocated, report.Check);
        Assert.Equal("device driver tries to free DMA memory it has not allocated [device address=0x0000000012340000] [size=64 bytes]", report.Message);
    }

    [Fact]
    public void Double_unmap_is_reported_D2()
    {
        var dma = MapChecked(64, DmaDataDirection.ToDevice);
        _dev.UnmapSingle(dma, 64, DmaDataDirection.ToDevice);

        _dev.UnmapSingle(dma, 64, DmaDataDirection.ToDevice);

        Assert.Equal(DmaDebugCheck.FreeNotAllocated, Only().Check);
    }

    [Fact]
    public void Unmap_with_another_size_is_reported_D3()
    {
        var dma = MapChecked(128, DmaDataDirection.ToDevice);

        _dev.UnmapSingle(dma, 64, DmaDataDirection.ToDevice);

        Assert.Contains("[map size=128 bytes] [unmap size=64 bytes]", Only().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unmapping_a_coherent_buffer_as_single_is_the_wrong_function_D4()
    {
        var cpu = _dev.AllocCoherent(64, out var handle)!.Value;

        _dev.UnmapSingle(handle, 64, DmaDataDirection.Bidirectional);

        Assert.Contains("[mapped as coherent] [unmapped as single]", Only().Message, StringComparison.Ordinal);
        Assert.NotEqual(default, cpu);
    }

    [Fact]
    public void Unmap_with_another_direction_is_reported_with_the_kernel_names_D7()
    {
        var dma = MapChecked(64, DmaDataDirection.ToDevice);

        _dev.UnmapSingle(dma, 64, DmaDataDirection.FromDevice);

        Assert.Contains("[mapped with DMA_TO_DEVICE] [unmapped with DMA_FROM_DEVICE]", Only().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unchecked_mapping_error_is_reported_at_unmap_not_at_map_D8_H14()
    {
        var dma = _dev.MapSingle(_buffer, 64, DmaDataDirection.ToDevice);
        Assert.Empty(_platform.Debug.Events);

        _dev.UnmapSingle(dma, 64, DmaDataDirection.ToDevice);

        Assert.Equal(DmaDebugCheck.MapErrorNotChecked, Only().Check);
    }

    [Fact]
    public void Sg_mappings_are_exempt_from_the_map_error_check_D8()
    {
        var sg = new Scatterlist(1);
        sg[0].SetBuf(_buffer, 64);

        _dev.MapSg(sg, 1, DmaDataDirection.ToDevice);
        _dev.UnmapSg(sg, 1, DmaDataDirection.ToDevice);

        Assert.Empty(_platform.Debug.Events);
    }

    [Fact]
    public void Sync_of_an_unmapped_buffer_is_reported_D13()
    {
        var dma = MapChecked(64, DmaDataDirection.FromDevice);
        _dev.UnmapSingle(dma, 64, DmaDataDirection.FromDevice);

        _dev.SyncSingleForCpu(dma, 64, DmaDataDirection.FromDevice);

        Assert.Equal(DmaDebugCheck.SyncNotAllocated, Only().Check);
    }

    [Fact]
    public void Sync_beyond_the_mapping_is_reported_D14()
    {
        var dma = MapChecked(64, DmaDataDirection.FromDevice);

        _dev.SyncSingleForCpu(dma + 32, 64, DmaDataDirection.FromDevice);

        Assert.Contains("[allocation size=64 bytes] [sync offset+size=96]", Only().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sync_with_another_direction_is_reported_and_bidirectional_mappings_are_exempt_D15()
    {
        var dma = MapChecked(64, DmaDataDirection.FromDevice);
        var bidi = _dev.MapSingle(_buffer + 1024, 64, DmaDataDirection.Bidirectional);

        _dev.SyncSingleForCpu(bidi, 64, DmaDataDirection.ToDevice);
        _dev.SyncSingleForDevice(dma, 64, DmaDataDirection.ToDevice);

        var reports = _platform.Debug.Events;
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Equal(DmaDebugCheck.SyncWrongDirection, r.Check));
        Assert.Contains("device driver syncs device write-only DMA memory to device", reports[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_write_to_a_device_owned_buffer_is_reported_until_synced_for_cpu()
    {
        var dma = MapChecked(64, DmaDataDirection.ToDevice);
        _ = _platform.CpuRead(_buffer, 64);
        Assert.Empty(_platform.Debug.Events);

        _platform.CpuWrite(_buffer, new byte[8]);
        _dev.SyncSingleForCpu(dma, 64, DmaDataDirection.ToDevice);
        _platform.CpuWrite(_buffer, new byte[8]);

        Assert.Equal(DmaDebugCheck.CpuAccessWhileDeviceOwned, Only().Check);
    }

    [Fact]
    public void Releasing_a_device_with_live_mappings_reports_the_leak_D18()
    {
        MapChecked(64, DmaDataDirection.FromDevice);
        _dev.AllocCoherent(100, out _);

        _dev.Release();

        var report = Only();
        Assert.Equal(DmaDebugCheck.LeakOnRelease, report.Check);
        Assert.StartsWith("device driver has pending DMA allocations while released from device [count=2]", report.Message, StringComparison.Ordinal);
        Assert.Equal(0, _platform.Debug.ActiveEntries);
    }

    [Fact]
    public void Two_mappings_at_one_address_without_a_perfect_fit_make_a_valid_unmap_not_found_H14()
    {
        var a = MapChecked(64, DmaDataDirection.ToDevice);
        var b = MapChecked(128, DmaDataDirection.ToDevice);
        Assert.Equal(a, b);

        _dev.UnmapSingle(a, 96, DmaDataDirection.ToDevice);

        Assert.Equal(DmaDebugCheck.FreeNotAllocated, Only().Check);
        _platform.Debug.ClearEvents();
        _dev.UnmapSingle(a, 64, DmaDataDirection.ToDevice);
        _dev.UnmapSingle(a, 128, DmaDataDirection.ToDevice);
        Assert.Empty(_platform.Debug.Events);
    }

    [Fact]
    public void Strict_mode_throws_the_report_naming_its_rule()
    {
        _platform.Debug.Strict = true;

        var error = Assert.Throws<DmaDebugException>(() => _dev.UnmapSingle(new DmaAddress(0x9000), 8, DmaDataDirection.ToDevice));

        Assert.Equal("D-2", error.Rule);
        Assert.Equal(DmaDebugCheck.FreeNotAllocated, error.Report.Check);
    }

    [Fact]
    public void Disabled_debug_tracks_and_reports_nothing()
    {
        _platform.Debug.Enabled = false;
        var dma = _dev.MapSingle(_buffer, 64, DmaDataDirection.ToDevice);

        _dev.UnmapSingle(dma, 32, DmaDataDirection.FromDevice);
        _dev.UnmapSingle(dma, 64, DmaDataDirection.ToDevice);

        Assert.Empty(_platform.Debug.Events);
        Assert.Equal(0, _platform.Debug.ActiveEntries);
    }

    [Fact]
    public void Exhausting_the_entry_pool_disables_dma_debug_D19()
    {
        var platform = Platform.Create(options: new PlatformOptions { DmaDebugEntries = 2 });
        var dev = new Device(platform, "nic");
        var buffer = platform.Kmalloc(4096)!.Value;

        for (int i = 0; i < 3; i++) dev.MapSingle(buffer + (ulong)(i * 64), 64, DmaDataDirection.ToDevice);

        var report = Assert.Single(platform.Debug.Events);
        Assert.Equal("debugging out of memory - disabling", report.Message);
        Assert.False(platform.Debug.Enabled);
        Assert.Equal(0, platform.Debug.ActiveEntries);
    }

    [Fact]
    public void Mapping_stack_memory_is_reported_D9()
    {
        var stack = _platform.AllocStack();

        var dma = _dev.MapSingle(stack + 256, 64, DmaDataDirection.FromDevice);

        Assert.False(dma.IsMappingError);
        Assert.Equal($"device driver maps memory from stack [addr=0x{(stack + 256).Value:x}]", Only().Message);
    }

    [Fact]
    public void Mapping_kernel_text_is_reported_D10()
    {
        var text = _platform.KernelText;

        _dev.MapPage(Platform.VirtToPhys(text), 64, 32, DmaDataDirection.ToDevice);

        var report = Only();
        Assert.Equal(DmaDebugCheck.MapKernelText, report.Check);
        Assert.EndsWith("[len=32]", report.Message, StringComparison.Ordinal);
    }
}
