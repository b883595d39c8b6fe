using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api.Provider;
using DmaActors.Mapping;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

/// <summary>
/// A slave channel's <c>maxburst × addr_width</c> against the watermark of the peripheral on its
/// line, reported through dma-debug in its style (DA-3 in docs/CONTRACT-ADDITIONS.md; counted and
/// limited as contract 4.6 says).
/// </summary>
public sealed class SlaveWatermarkTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 7;
    private readonly Platform _platform = Platform.Create();

    private DmaChan Wire(DeviceProfile profile, bool withDebug = true)
    {
        var rig = new ApiRig(Sys);
        if (withDebug) rig.Engine.DmaDebug = _platform.Debug;
        var device = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice(channels: 2) with { FilterMap = [new DmaSlaveMap("48030000.spi", "tx", Line)] });
        var peripheral = Sys.Simulation().ActorOf(SlaveDeviceActor.PropsFor(profile, Line, device.Arbiter, new DataPattern(seed: 3)), profile.Name);
        device.ConnectPeripheral(Line, peripheral, new SlaveFifo(0x4803_0138, profile.Watermark));
        return rig.Engine.RequestChan("48030000.spi", "tx");
    }

    private static void Prep(DmaChan chan, DmaTransferDirection dir) =>
        Assert.NotNull(chan.PrepSlaveSingle(ApiRig.Source(0), 64, dir, DmaCtrlFlags.PrepInterrupt));

    [Fact]
    public void A_burst_larger_than_the_tx_watermark_is_reported_once_per_configuration_as_an_overrun_DA3()
    {
        var chan = Wire(DeviceProfile.Spi(DmaTransferDirection.MemToDev)); // watermark 8 bytes
        chan.SlaveConfig(new DmaSlaveConfig { DstAddr = 0x4803_0138, DstAddrWidth = DmaSlaveBuswidth.Bytes1, DstMaxburst = 16 });

        Prep(chan, DmaTransferDirection.MemToDev);
        Prep(chan, DmaTransferDirection.MemToDev);

        var report = Assert.Single(_platform.Debug.Events);
        Assert.Equal(DmaDebugCheck.SlaveBurstMismatch, report.Check);
        Assert.Equal("DA-3", report.Rule);
        Assert.Equal("48030000.spi", report.Device);
        Assert.Contains("[direction=DMA_MEM_TO_DEV] [request line=7] [dst_maxburst=16] [dst_addr_width=1] [burst=16 bytes] [watermark=8 bytes]", report.Message, StringComparison.Ordinal);
        Assert.Contains("the FIFO overruns", report.Message, StringComparison.Ordinal);
        Assert.StartsWith("DMA-API: 48030000.spi: device driver configures DMA bursts", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_burst_larger_than_the_rx_watermark_underruns_and_a_new_configuration_is_checked_again_DA3()
    {
        var chan = Wire(DeviceProfile.Spi(DmaTransferDirection.DevToMem));
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddr = 0x4803_0138, SrcAddrWidth = DmaSlaveBuswidth.Bytes4, SrcMaxburst = 4 });
        Prep(chan, DmaTransferDirection.DevToMem);
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddr = 0x4803_0138, SrcAddrWidth = DmaSlaveBuswidth.Bytes1, SrcMaxburst = 4 });
        Prep(chan, DmaTransferDirection.DevToMem);

        var reports = _platform.Debug.Events;
        Assert.Equal(2, reports.Count);
        Assert.Contains("[burst=16 bytes] [watermark=8 bytes]: each burst reads more than the FIFO holds", reports[0].Message, StringComparison.Ordinal);
        Assert.Contains("[burst=4 bytes] [watermark=8 bytes]: each burst leaves 4 bytes in the FIFO", reports[1].Message, StringComparison.Ordinal);
        // dma-debug's own switches apply: the second error counts but is not printed (4.6).
        Assert.Equal(2, _platform.Debug.ErrorCount);
        Assert.Single(_platform.Debug.Printed);
    }

    [Fact]
    public void Maxburst_times_addr_width_equal_to_the_watermark_is_not_reported_DA3()
    {
        var chan = Wire(DeviceProfile.Spi(DmaTransferDirection.MemToDev));
        chan.SlaveConfig(new DmaSlaveConfig { DstAddr = 0x4803_0138, DstAddrWidth = DmaSlaveBuswidth.Bytes1, DstMaxburst = 8 });

        Prep(chan, DmaTransferDirection.MemToDev);

        Assert.Empty(_platform.Debug.Events);
    }

    [Fact]
    public void Without_a_dma_debug_nothing_is_checked_DA3()
    {
        var chan = Wire(DeviceProfile.Spi(DmaTransferDirection.MemToDev), withDebug: false);
        chan.SlaveConfig(new DmaSlaveConfig { DstAddr = 0x4803_0138, DstAddrWidth = DmaSlaveBuswidth.Bytes1, DstMaxburst = 16 });

        Prep(chan, DmaTransferDirection.MemToDev);

        Assert.Empty(_platform.Debug.Events);
    }
}
