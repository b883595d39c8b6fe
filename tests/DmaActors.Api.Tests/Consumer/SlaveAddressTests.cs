using Akka.Actor;
using Akka.Event;
using DmaActors.Actors.Devices;
using DmaActors.Actors.Transfers;
using DmaActors.Api.Provider;
using DmaActors.Runtime;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Consumer;

/// <summary>
/// dma_slave_config.src_addr / dst_addr against the FIFO register of the peripheral on the line
/// (DA-1, DA-2 in docs/CONTRACT-ADDITIONS.md; C-18 says what the fields mean).
/// </summary>
public sealed class SlaveAddressTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 5;
    private const ulong UartRx = 0x44E0_9000, SpiTx = 0x4803_0138;

    private (ApiRig Rig, DmaChan Chan, IActorRef Device) Wire(DeviceProfile profile, SlaveFifo? fifo)
    {
        var rig = new ApiRig(Sys);
        var device = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice(channels: 2) with { FilterMap = [new DmaSlaveMap("periph0", "dma", Line)] });
        var peripheral = Sys.Simulation().ActorOf(SlaveDeviceActor.PropsFor(profile, Line, device.Arbiter, new DataPattern(seed: 9)), profile.Name);
        device.ConnectPeripheral(Line, peripheral, fifo);
        return (rig, rig.Engine.RequestChan("periph0", "dma"), peripheral);
    }

    /// <summary>Runs one slave descriptor of <paramref name="length"/> bytes with the peripheral streaming; returns the callback's result.</summary>
    private static DmaengineResult RunOne(ApiRig rig, DmaChan chan, IActorRef device, DmaTransferDirection dir, int length)
    {
        DmaengineResult? result = null;
        ulong buffer = dir == DmaTransferDirection.DevToMem ? ApiRig.Destination(0) : ApiRig.Source(0);
        var desc = chan.PrepSlaveSingle(buffer, length, dir, DmaCtrlFlags.PrepInterrupt)!;
        desc.CallbackResult = (_, r) => result = r;
        desc.Submit();
        chan.IssuePending();
        device.Tell(new StartDevice(WireBytes: length));
        rig.RunUntil(() => result is not null, "the descriptor's callback");
        return result!.Value;
    }

    private Akka.TestKit.TestProbe ErrorLog()
    {
        var errors = CreateTestProbe();
        Sys.EventStream.Subscribe(errors.Ref, typeof(Error));
        return errors;
    }

    private static string Next(Akka.TestKit.TestProbe errors) => errors.ExpectMsg<Error>(TimeSpan.FromSeconds(5)).Message.ToString()!;

    [Fact]
    public void Dev_to_mem_with_another_src_addr_ends_read_failed_naming_both_addresses_DA1()
    {
        var (rig, chan, uart) = Wire(DeviceProfile.Uart3M(DmaTransferDirection.DevToMem), new SlaveFifo(UartRx, Watermark: 16));
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddr = UartRx + 0x14, SrcAddrWidth = DmaSlaveBuswidth.Bytes1, SrcMaxburst = 16 });
        var errors = ErrorLog();

        var result = RunOne(rig, chan, uart, DmaTransferDirection.DevToMem, 64);

        Assert.Equal(DmaengineTxResult.ReadFailed, result.Result);
        Assert.Equal(64, result.Residue);
        string message = Next(errors);
        Assert.Contains("src_addr is 0x44e09014", message, StringComparison.Ordinal);
        Assert.Contains("expected the FIFO register 0x44e09000", message, StringComparison.Ordinal);
        Assert.Contains("DA-1", message, StringComparison.Ordinal);
        Assert.Equal(new byte[64], rig.Read(ApiRig.Destination(0), 64));
    }

    [Fact]
    public void Dev_to_mem_with_src_addr_never_set_is_the_same_mismatch_DA2()
    {
        var (rig, chan, uart) = Wire(DeviceProfile.Uart3M(DmaTransferDirection.DevToMem), new SlaveFifo(UartRx));
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddrWidth = DmaSlaveBuswidth.Bytes1, SrcMaxburst = 16 });
        var errors = ErrorLog();

        var result = RunOne(rig, chan, uart, DmaTransferDirection.DevToMem, 32);

        Assert.Equal(DmaengineTxResult.ReadFailed, result.Result);
        string message = Next(errors);
        Assert.Contains("src_addr was never set (0)", message, StringComparison.Ordinal);
        Assert.Contains("DA-2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mem_to_dev_with_another_dst_addr_ends_write_failed_and_tx_status_says_error_DA1()
    {
        var (rig, chan, spi) = Wire(DeviceProfile.Spi(DmaTransferDirection.MemToDev), new SlaveFifo(SpiTx, Watermark: 8));
        chan.SlaveConfig(new DmaSlaveConfig { DstAddr = SpiTx + 4, DstAddrWidth = DmaSlaveBuswidth.Bytes1, DstMaxburst = 8 });
        var errors = ErrorLog();
        DmaengineResult? result = null;
        var desc = chan.PrepSlaveSingle(ApiRig.Source(0), 64, DmaTransferDirection.MemToDev, DmaCtrlFlags.PrepInterrupt)!;
        desc.CallbackResult = (_, r) => result = r;
        int cookie = desc.Submit();
        chan.IssuePending();
        spi.Tell(new StartDevice());
        rig.RunUntil(() => result is not null, "the descriptor's callback");

        Assert.Equal(DmaengineTxResult.WriteFailed, result!.Value.Result);
        Assert.Equal(DmaStatus.Error, chan.TxStatus(cookie));
        string message = Next(errors);
        Assert.Contains("MEM_TO_DEV", message, StringComparison.Ordinal);
        Assert.Contains("dst_addr is 0x4803013c, expected the FIFO register 0x48030138", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fifo_address_passes_and_moves_the_data_DA1()
    {
        var (rig, chan, uart) = Wire(DeviceProfile.Uart3M(DmaTransferDirection.DevToMem), new SlaveFifo(UartRx, Watermark: 16));
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddr = UartRx, SrcAddrWidth = DmaSlaveBuswidth.Bytes1, SrcMaxburst = 16 });

        var result = RunOne(rig, chan, uart, DmaTransferDirection.DevToMem, 64);

        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), result);
        Assert.Equal(new DataPattern(seed: 9).Bytes(0, 64), rig.Read(ApiRig.Destination(0), 64));
    }

    [Fact]
    public void A_peripheral_without_a_known_fifo_is_not_checked_DA1()
    {
        var (rig, chan, uart) = Wire(DeviceProfile.Uart3M(DmaTransferDirection.DevToMem), fifo: null);
        chan.SlaveConfig(new DmaSlaveConfig { SrcAddr = 0x1234, SrcAddrWidth = DmaSlaveBuswidth.Bytes1, SrcMaxburst = 16 });

        Assert.Equal(DmaengineTxResult.NoError, RunOne(rig, chan, uart, DmaTransferDirection.DevToMem, 32).Result);
    }
}
