using DmaActors.Api.Provider;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Provider;

public sealed class RegistrationTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    [Fact]
    public void Capability_without_its_prep_op_is_refused_naming_both_P6()
    {
        var rig = new ApiRig(Sys);
        var description = ApiRig.SlaveDevice() with { Ops = DmaDeviceOps.AllSimulated & ~DmaDeviceOps.PrepDmaCyclic };

        var error = DmaExceptionAssert.Throws("EIO", "P-6", () => rig.Engine.DmaAsyncDeviceRegister(description));

        Assert.Contains("Device claims capability DMA_CYCLIC, but op is not defined", error.Message, StringComparison.Ordinal);
        Assert.Contains("prep_dma_cyclic", error.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Engine.Devices);
    }

    [Theory]
    [InlineData(DmaCapMask.Memcpy, DmaDeviceOps.PrepDmaMemcpy, "DMA_MEMCPY")]
    [InlineData(DmaCapMask.Memset, DmaDeviceOps.PrepDmaMemset, "DMA_MEMSET")]
    [InlineData(DmaCapMask.Interleave, DmaDeviceOps.PrepInterleavedDma, "DMA_INTERLEAVE")]
    [InlineData(DmaCapMask.Xor, DmaDeviceOps.PrepDmaXor, "DMA_XOR")]
    [InlineData(DmaCapMask.Interrupt, DmaDeviceOps.PrepDmaInterrupt, "DMA_INTERRUPT")]
    public void Every_checked_capability_needs_its_prep_op_P6(DmaCapMask cap, DmaDeviceOps op, string name)
    {
        var rig = new ApiRig(Sys);
        var description = new DmaDeviceDescription { Dev = "d", CapMask = cap, Ops = DmaDeviceOps.AllSimulated & ~op };

        var error = DmaExceptionAssert.Throws("EIO", "P-6", () => rig.Engine.DmaAsyncDeviceRegister(description));
        Assert.Contains($"Device claims capability {name}, but op is not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slave_capability_without_prep_slave_sg_is_not_checked_P6()
    {
        var rig = new ApiRig(Sys);
        var device = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice() with { Ops = DmaDeviceOps.AllSimulated & ~DmaDeviceOps.PrepSlaveSg });

        var chan = rig.Engine.RequestChannel(DmaCapMask.Slave, null, null)!;
        chan.SlaveConfig(new DmaSlaveConfig { DstAddrWidth = DmaSlaveBuswidth.Bytes4, DstMaxburst = 4, SlaveId = 1 });
        Assert.Null(chan.PrepSlaveSingle(ApiRig.Source(0), 64, DmaTransferDirection.MemToDev, DmaCtrlFlags.PrepInterrupt));
        Assert.Equal(0, device.DevId);
    }

    [Theory]
    [InlineData(DmaDeviceOps.TxStatus, "Device tx_status is not defined")]
    [InlineData(DmaDeviceOps.IssuePending, "Device issue_pending is not defined")]
    public void Missing_tx_status_or_issue_pending_is_refused_with_the_kernels_message_P7(DmaDeviceOps missing, string message)
    {
        var rig = new ApiRig(Sys);
        var error = DmaExceptionAssert.Throws("EIO", "P-7", () => rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice() with { Ops = DmaDeviceOps.AllSimulated & ~missing }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_device_release_is_accepted_P7()
    {
        var rig = new ApiRig(Sys);
        rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice() with { Ops = DmaDeviceOps.AllSimulated & ~DmaDeviceOps.Release });
        Assert.Single(rig.Engine.Devices);
    }

    [Fact]
    public void Null_device_is_ENODEV_and_a_device_without_dev_is_EIO_P5()
    {
        var rig = new ApiRig(Sys);
        DmaExceptionAssert.Throws("ENODEV", "P-5", () => rig.Engine.DmaAsyncDeviceRegister(null));
        var error = DmaExceptionAssert.Throws("EIO", "P-5", () => rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice() with { Dev = null }));
        Assert.Contains("DMAdevice must have dev", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Async_tx_capability_set_by_a_driver_is_refused_P4()
    {
        var rig = new ApiRig(Sys);
        var description = ApiRig.MemcpyDevice() with { CapMask = DmaCapMask.Memcpy | DmaCapMask.AsyncTx };
        var error = DmaExceptionAssert.Throws("EINVAL", "P-4", () => rig.Engine.DmaAsyncDeviceRegister(description));
        Assert.Contains("DMA_ASYNC_TX", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Channels_are_named_dma_dev_chan_n_and_dev_ids_come_from_the_lowest_free_id_P8()
    {
        var rig = new ApiRig(Sys);
        var first = rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice("a", channels: 2));
        var second = rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice("b", channels: 3));

        Assert.Equal(["dma0chan0", "dma0chan1"], first.ChannelNames);
        Assert.Equal(["dma1chan0", "dma1chan1", "dma1chan2"], second.ChannelNames);

        rig.Engine.DmaAsyncDeviceUnregister(first);
        var third = rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice("c", channels: 1));
        Assert.Equal(0, third.DevId);
        Assert.Equal(["dma0chan0"], third.ChannelNames);
        Assert.Equal(["b", "c"], rig.Engine.Devices.Select(d => d.Dev));
    }

    [Fact]
    public void Device_registered_private_starts_with_privatecnt_one_P8()
    {
        var rig = new ApiRig(Sys);
        var device = rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice() with { CapMask = DmaCapMask.Memcpy | DmaCapMask.Private });
        Assert.Equal(1, device.PrivateCount);
    }

    [Fact]
    public void Calls_on_channels_of_an_unregistered_device_throw_ENODEV_P9()
    {
        var rig = new ApiRig(Sys);
        var device = rig.Engine.DmaAsyncDeviceRegister(ApiRig.MemcpyDevice());
        var chan = rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null)!;

        rig.Engine.DmaAsyncDeviceUnregister(device);

        DmaExceptionAssert.Throws("ENODEV", "P-9", chan.IssuePending);
        Assert.Null(rig.Engine.RequestChannel(DmaCapMask.Memcpy, null, null));
        DmaExceptionAssert.Throws("EINVAL", "P-9", () => rig.Engine.DmaAsyncDeviceUnregister(device));
    }
}
