using DmaActors.Api.Provider;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

public sealed class ConfigAndPrepTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void Slave_caps_copy_the_device_fields_and_report_which_commands_exist_C14()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice() with { Ops = DmaDeviceOps.AllSimulated & ~DmaDeviceOps.Resume, MaxSgBurst = 8 });
        var caps = rig.Engine.RequestChannel(DmaCapMask.Slave, null, null)!.GetSlaveCaps();

        Assert.Equal(DmaDirections.MemToDev | DmaDirections.DevToMem, caps.Directions);
        Assert.Equal((1, 16, 8), (caps.MinBurst, caps.MaxBurst, caps.MaxSgBurst));
        Assert.True(caps.CmdPause);
        Assert.False(caps.CmdResume);
        Assert.True(caps.CmdTerminate);
        Assert.True(caps.DescriptorReuse);
        Assert.Equal(DmaResidueGranularity.Burst, caps.ResidueGranularity);
    }

    [Fact]
    public void Width_masks_are_bit_per_byte_width_C15()
    {
        Assert.Equal((UInt128)((1 << 1) | (1 << 2) | (1 << 4)), DmaBuswidths.Mask(DmaSlaveBuswidth.Bytes1, DmaSlaveBuswidth.Bytes2, DmaSlaveBuswidth.Bytes4));
        Assert.Equal(UInt128.One << 64, DmaBuswidths.Bit(DmaSlaveBuswidth.Bytes64));
        Assert.Throws<ArgumentOutOfRangeException>(() => DmaBuswidths.Bit(DmaSlaveBuswidth.Bytes128));
        Assert.Equal(DmaDirections.DevToMem, DmaChan.DirectionBit(DmaTransferDirection.DevToMem));
    }

    [Fact]
    public void Slave_caps_of_a_memcpy_only_device_are_ENXIO_C14()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;
        DmaExceptionAssert.Throws("ENXIO", "C-14", () => chan.GetSlaveCaps());
    }

    [Theory]
    [InlineData("src_addr_width")]
    [InlineData("dst_addr_width")]
    [InlineData("src_maxburst")]
    [InlineData("dst_maxburst")]
    [InlineData("direction")]
    public void Slave_config_outside_the_devices_widths_bursts_or_directions_is_EINVAL_naming_the_field_C16(string field)
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice() with { Directions = DmaDirections.MemToDev });
        var chan = rig.Engine.RequestChannel(DmaCapMask.Slave, null, null)!;
        var config = field switch
        {
            "src_addr_width" => new DmaSlaveConfig { SrcAddrWidth = DmaSlaveBuswidth.Bytes8 },
            "dst_addr_width" => new DmaSlaveConfig { DstAddrWidth = DmaSlaveBuswidth.Bytes16 },
            "src_maxburst" => new DmaSlaveConfig { SrcMaxburst = 32 },
            "dst_maxburst" => new DmaSlaveConfig { DstMaxburst = 17 },
            _ => new DmaSlaveConfig { Direction = DmaTransferDirection.DevToMem },
        };

        var error = DmaExceptionAssert.Throws("EINVAL", "C-16", () => chan.SlaveConfig(config));
        Assert.Contains($"dma_slave_config.{field}", error.Message, StringComparison.Ordinal);
        Assert.Null(chan.Config);
    }

    [Fact]
    public void Slave_config_without_device_config_is_ENOSYS_C16()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice() with { Ops = DmaDeviceOps.AllSimulated & ~DmaDeviceOps.Config });
        var chan = rig.Engine.RequestChannel(DmaCapMask.Slave, null, null)!;
        DmaExceptionAssert.Throws("ENOSYS", "C-16", () => chan.SlaveConfig(new DmaSlaveConfig()));
    }

    [Fact]
    public void Slave_prep_needs_a_configuration_first_but_memcpy_does_not_C17()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Slave, null, null)!;

        DmaExceptionAssert.Throws("EINVAL", "C-17", () => chan.PrepSlaveSingle(ApiRig.Source(0), 64, DmaTransferDirection.MemToDev, DmaCtrlFlags.None));
        Assert.NotNull(chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.None));

        chan.SlaveConfig(new DmaSlaveConfig { DstAddrWidth = DmaSlaveBuswidth.Bytes4, DstMaxburst = 4, SlaveId = 3 });
        var desc = chan.PrepSlaveSg([new DmaSgEntry(ApiRig.Source(0), 64), new DmaSgEntry(ApiRig.Source(1), 32)], DmaTransferDirection.MemToDev, DmaCtrlFlags.None);
        Assert.Equal(96, desc!.Length);
    }

    [Fact]
    public void Slave_prep_needs_the_device_side_width_C18()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Slave, null, null)!;
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddrWidth = DmaSlaveBuswidth.Bytes4, SlaveId = 1 });
        var error = DmaExceptionAssert.Throws("EINVAL", "C-18", () => chan.PrepSlaveSingle(ApiRig.Source(0), 64, DmaTransferDirection.MemToDev, DmaCtrlFlags.None));
        Assert.Contains("dst_addr_width", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prep_returns_null_when_the_device_lacks_the_op_C19()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(new DmaDeviceDescription
        {
            Dev = "bare",
            CapMask = DmaCapMask.Slave,
            Directions = DmaDirections.MemToDev,
            Ops = DmaDeviceOps.TxStatus | DmaDeviceOps.IssuePending,
        });
        var chan = rig.Engine.RequestChannel(DmaCapMask.Slave, null, null)!;

        Assert.Null(chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 64, DmaCtrlFlags.None));
        Assert.Null(chan.PrepDmaMemset(ApiRig.Destination(0), 0x5a, 64, DmaCtrlFlags.None));
        Assert.Null(chan.PrepDmaCyclic(ApiRig.Source(0), 256, 64, DmaTransferDirection.MemToDev, DmaCtrlFlags.None));
        Assert.Null(chan.PrepSlaveSingle(ApiRig.Source(0), 64, DmaTransferDirection.MemToDev, DmaCtrlFlags.None));
        Assert.Null(chan.PrepInterleavedDma(new DmaInterleavedTemplate { Sgl = [new DataChunk(16)] }, DmaCtrlFlags.None));
    }

    [Fact]
    public void Interleaved_with_repeat_needs_the_repeat_capability_C23()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Interleave, null, null)!;
        var xt = new DmaInterleavedTemplate { SrcStart = ApiRig.Source(0), DstStart = ApiRig.Destination(0), Numf = 2, Sgl = [new DataChunk(16, 8)] };

        Assert.Null(chan.PrepInterleavedDma(xt, DmaCtrlFlags.PrepRepeat));
        Assert.Equal(32, chan.PrepInterleavedDma(xt, DmaCtrlFlags.None)!.Length);
    }

    [Fact]
    public void Inter_chunk_gaps_follow_the_kernels_precedence_C24()
    {
        var xt = new DmaInterleavedTemplate { SrcInc = true, DstInc = false, SrcSgl = true, DstSgl = true };
        Assert.Equal(8, xt.GetSrcIcg(new DataChunk(16, Icg: 8)));
        Assert.Equal(3, xt.GetSrcIcg(new DataChunk(16, Icg: 8, SrcIcg: 3)));
        Assert.Equal(0, xt.GetDstIcg(new DataChunk(16, Icg: 8, DstIcg: 5)));
        Assert.Equal(0, (xt with { SrcSgl = false }).GetSrcIcg(new DataChunk(16, Icg: 8)));
    }

    [Fact]
    public void Interleaved_transfer_gathers_chunks_across_source_gaps_C23_C24()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Interleave, null, null)!;
        var source = rig.Fill(ApiRig.Source(0), 96, salt: 1);
        var xt = new DmaInterleavedTemplate { SrcStart = ApiRig.Source(0), DstStart = ApiRig.Destination(0), Numf = 3, SrcSgl = true, Sgl = [new DataChunk(16, Icg: 16)] };
        bool done = false;
        var desc = chan.PrepInterleavedDma(xt, DmaCtrlFlags.PrepInterrupt)!;
        desc.Callback = _ => Volatile.Write(ref done, true);
        desc.Submit();
        chan.IssuePending();
        rig.RunUntil(() => Volatile.Read(ref done), "the interleaved transfer");

        var expected = source[0..16].Concat(source[32..48]).Concat(source[64..80]).ToArray();
        Assert.Equal(expected, rig.Read(ApiRig.Destination(0), 48));
    }

    [Fact]
    public void Memcpy_copies_and_memset_fills_with_the_low_byte_of_the_value_C25()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy | DmaCapMask.Memset, null, null)!;
        var source = rig.Fill(ApiRig.Source(0), 1000, salt: 2);
        int done = 0;
        var copy = chan.PrepDmaMemcpy(ApiRig.Destination(0), ApiRig.Source(0), 1000, DmaCtrlFlags.PrepInterrupt)!;
        var fill = chan.PrepDmaMemset(ApiRig.Destination(1), 0x1A5, 300, DmaCtrlFlags.PrepInterrupt)!;
        copy.Callback = _ => Interlocked.Increment(ref done);
        fill.Callback = _ => Interlocked.Increment(ref done);
        copy.Submit();
        fill.Submit();
        chan.IssuePending();
        rig.RunUntil(() => Volatile.Read(ref done) == 2, "both transfers");

        Assert.Equal(source, rig.Read(ApiRig.Destination(0), 1000));
        Assert.All(rig.Read(ApiRig.Destination(1), 300), b => Assert.Equal(0xA5, b));
    }
}
