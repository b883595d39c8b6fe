using DmaActors.Mapping;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

/// <summary>
/// Prep calls take what DMA mapping returns (issue 14, item 9): a <see cref="DmaAddress"/> from
/// <c>dma_map_single()</c>, and a mapped <see cref="Scatterlist"/> with the count <c>dma_map_sg()</c>
/// returned (C-21, M-11).
/// </summary>
public sealed class MappedPrepTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private static byte[] Pattern(int length, int salt) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 13) + salt))];

    [Fact]
    public void Memcpy_prepared_with_mapped_addresses_copies_through_the_devices_bus_view_C25()
    {
        var platform = Platform.Create(64);
        var dev = new Device(platform, "memcpy-dma");
        var engine = new DmaEngine(Sys, platform.Memory);
        engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice() with { BusView = dev.BusView });
        var chan = engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        var source = platform.Kmalloc(8192)!.Value;
        var destination = platform.Kmalloc(8192)!.Value;
        platform.CpuWrite(source, Pattern(8192, 3));
        var src = dev.MapSingle(source, 8192, DmaDataDirection.ToDevice);
        var dst = dev.MapSingle(destination, 8192, DmaDataDirection.FromDevice);
        Assert.False(dev.MappingError(src) || dev.MappingError(dst));

        int cookie = chan.PrepDmaMemcpy(dst, src, 8192, DmaCtrlFlags.PrepInterrupt)!.Submit();
        var status = chan.SyncWait(cookie);
        dev.UnmapSingle(src, 8192, DmaDataDirection.ToDevice);
        dev.UnmapSingle(dst, 8192, DmaDataDirection.FromDevice);

        Assert.Equal(DmaStatus.Complete, status);
        Assert.Equal(Pattern(8192, 3), platform.CpuRead(destination, 8192));
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void A_failed_mapping_passed_to_prep_is_refused_M8()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Slave, null, null)!;
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddrWidth = DmaSlaveBuswidth.Bytes4, SrcMaxburst = 4, SlaveId = 9 });

        var error = DmaExceptionAssert.Throws("EINVAL", "M-8", () => chan.PrepSlaveSingle(DmaAddress.MappingError, 64, DmaTransferDirection.DevToMem, DmaCtrlFlags.None));
        Assert.Contains("dma_mapping_error()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slave_sg_of_a_list_that_was_never_mapped_is_refused_C21()
    {
        var platform = Platform.Create(64);
        var engine = new DmaEngine(Sys, platform.Memory);
        engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var chan = engine.RequestChannel(DmaCapMask.Slave, null, null)!;
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddrWidth = DmaSlaveBuswidth.Bytes4, SrcMaxburst = 4, SlaveId = 9 });
        var sgl = Scatterlist.FromBuffer(platform, platform.Kmalloc(4096)!.Value, 4096);

        var error = DmaExceptionAssert.Throws("EINVAL", "C-21", () => chan.PrepSlaveSg(sgl, sgl.Count, DmaTransferDirection.DevToMem, DmaCtrlFlags.None));
        Assert.Contains("dma_map_sg()", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Slave_sg_with_a_count_outside_the_list_is_refused_C21(int sgLen)
    {
        var platform = Platform.Create(64);
        var dev = new Device(platform, "slave-dma");
        var engine = new DmaEngine(Sys, platform.Memory);
        engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice() with { BusView = dev.BusView });
        var chan = engine.RequestChannel(DmaCapMask.Slave, null, null)!;
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddrWidth = DmaSlaveBuswidth.Bytes4, SrcMaxburst = 4, SlaveId = 9 });
        var sgl = new Scatterlist(2);
        sgl[0].SetBuf(platform.Kmalloc(512)!.Value, 512);
        sgl[1].SetBuf(platform.Kmalloc(512)!.Value, 512);
        Assert.Equal(2, dev.MapSg(sgl, 2, DmaDataDirection.FromDevice));
        Assert.Empty(platform.Debug.Events);

        DmaExceptionAssert.Throws("EINVAL", "C-21", () => chan.PrepSlaveSg(sgl, sgLen, DmaTransferDirection.DevToMem, DmaCtrlFlags.None));
        dev.UnmapSg(sgl, 2, DmaDataDirection.FromDevice);
    }
}
