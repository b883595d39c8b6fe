using DmaActors.Mapping;
using DmaActors.TestKit;
using Xunit.Abstractions;

namespace DmaActors.Api.Tests.Peripherals;

/// <summary>
/// The façade's peripheral API (issue 14, item 9): a consumer driver's test attaches a UART to a
/// controller's request line, feeds and reads its wire and reads its counters through
/// <see cref="DmaPeripheral"/>, never an actor type.
/// </summary>
public sealed class PeripheralApiTests(ITestOutputHelper output) : SimulationTestKit(output)
{
    private const int Line = 5;

    private static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 29) ^ seed))];

    private static DmaChan SlaveChannel(DmaEngine engine, DmaPeripheral uart, DmaTransferDirection direction)
    {
        var chan = engine.RequestChannel(DmaCapMask.Slave, null, null)!;
        int maxburst = uart.Watermark / (int)uart.RegisterWidth;
        chan.SlaveConfig(direction == DmaTransferDirection.DevToMem
            ? new DmaSlaveConfig { SrcAddrWidth = uart.RegisterWidth, SrcMaxburst = maxburst, SlaveId = uart.Line }
            : new DmaSlaveConfig { DstAddrWidth = uart.RegisterWidth, DstMaxburst = maxburst, SlaveId = uart.Line });
        return chan;
    }

    /// <summary>A slave controller, a 3 Mbaud UART on <see cref="Line"/> and a channel configured for it.</summary>
    private (ApiRig Rig, DmaPeripheral Uart, DmaChan Chan) UartWithChannel(DmaTransferDirection direction)
    {
        var rig = new ApiRig(Sys);
        var dma = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var uart = DmaPeripheral.Attach(dma, Line, DmaPeripheralModel.Uart3M, direction);
        return (rig, uart, SlaveChannel(rig.Engine, uart, direction));
    }

    [Fact]
    public void Bytes_fed_to_a_uart_wire_land_in_memory_by_a_dev_to_mem_transfer_and_are_counted()
    {
        var (rig, uart, chan) = UartWithChannel(DmaTransferDirection.DevToMem);
        var tx = chan.PrepSlaveSingle(ApiRig.Destination(0), 64, DmaTransferDirection.DevToMem, DmaCtrlFlags.PrepInterrupt)!;
        DmaengineResult? done = null;
        tx.CallbackResult = (_, result) => done = result;
        tx.Submit();
        chan.IssuePending();
        var sent = Bytes(64, 0x3C);

        uart.Feed(sent);

        Assert.True(rig.Engine.RunUntil(() => done is not null, TimeSpan.FromSeconds(1)));
        Assert.Equal(new DmaengineResult(DmaengineTxResult.NoError, 0), done);
        Assert.Equal(sent, rig.Read(ApiRig.Destination(0), 64));
        var counters = uart.Counters;
        Assert.Equal((64L, 64L, 0L, 0), (counters.WireBytes, counters.DmaBytes, counters.Overruns, counters.FifoLevel));
        Assert.Equal(64 / uart.Watermark, counters.BurstRequests);
        Assert.Equal(sent, uart.ReadWire());
    }

    [Fact]
    public void A_transmitting_uarts_wire_carries_what_a_mem_to_dev_transfer_delivered()
    {
        var (rig, uart, chan) = UartWithChannel(DmaTransferDirection.MemToDev);
        var data = rig.Fill(ApiRig.Source(0), 96, salt: 4);
        int cookie = chan.PrepSlaveSingle(ApiRig.Source(0), 96, DmaTransferDirection.MemToDev, DmaCtrlFlags.PrepInterrupt)!.Submit();
        chan.IssuePending();

        uart.Start();
        Assert.True(rig.Engine.RunUntil(() => chan.TxStatus(cookie) == DmaStatus.Complete, TimeSpan.FromSeconds(1)));
        rig.Engine.Advance(TimeSpan.FromMilliseconds(1));   // 3 Mbaud: the FIFO's last bytes leave the shifter

        Assert.Equal(data, uart.ReadWire());
        var counters = uart.Counters;
        Assert.Equal((96L, 96L, 0L), (counters.WireBytes, counters.DmaBytes, counters.Underruns));
        Assert.True(counters.Running);
    }

    [Fact]
    public void A_fed_uart_nobody_serves_overruns_once_its_fifo_is_full()
    {
        var rig = new ApiRig(Sys);
        var dma = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var uart = DmaPeripheral.Attach(dma, Line, DmaPeripheralModel.Uart115200, DmaTransferDirection.DevToMem);

        uart.Feed(Bytes(100, 1));
        rig.Engine.Advance(TimeSpan.FromMilliseconds(20));   // 100 frames of 10 bits at 115200 baud: 8.7 ms

        var counters = uart.Counters;
        Assert.Equal(100, counters.WireBytes);
        Assert.Equal(uart.FifoDepth, counters.FifoLevel);
        Assert.Equal(100 - uart.FifoDepth, counters.BytesLost);
        Assert.Equal(0, counters.DmaBytes);
    }

    [Fact]
    public void Slave_sg_over_a_mapped_scatterlist_receives_a_uarts_bytes_into_each_entry_C21()
    {
        var platform = Platform.Create(64);
        var dmaDev = new Device(platform, "slave-dma");
        var engine = new DmaEngine(Sys, platform.Memory);
        var dma = engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice() with { BusView = dmaDev.BusView });
        var uart = DmaPeripheral.Attach(dma, Line, DmaPeripheralModel.Uart3M, DmaTransferDirection.DevToMem);
        var chan = SlaveChannel(engine, uart, DmaTransferDirection.DevToMem);
        var first = platform.Kmalloc(32)!.Value;
        var second = platform.Kmalloc(32)!.Value;
        var sgl = new Scatterlist(2);
        sgl[0].SetBuf(first, 32);
        sgl[1].SetBuf(second, 32);
        int mapped = dmaDev.MapSg(sgl, 2, DmaDataDirection.FromDevice);
        Assert.True(mapped > 0);
        int cookie = chan.PrepSlaveSg(sgl, mapped, DmaTransferDirection.DevToMem, DmaCtrlFlags.PrepInterrupt)!.Submit();
        chan.IssuePending();
        var sent = Bytes(64, 0x77);

        uart.Feed(sent);

        Assert.True(engine.RunUntil(() => chan.TxStatus(cookie) == DmaStatus.Complete, TimeSpan.FromSeconds(1)));
        dmaDev.UnmapSg(sgl, 2, DmaDataDirection.FromDevice);
        Assert.Equal(sent[..32], platform.CpuRead(first, 32));
        Assert.Equal(sent[32..], platform.CpuRead(second, 32));
        Assert.Empty(platform.Debug.Events);
    }

    [Fact]
    public void Feeding_a_transmitter_or_starting_a_receiver_is_refused_with_what_to_do_instead()
    {
        var rig = new ApiRig(Sys);
        var dma = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice());
        var tx = DmaPeripheral.Attach(dma, 1, DmaPeripheralModel.Spi, DmaTransferDirection.MemToDev);
        var rx = DmaPeripheral.Attach(dma, 2, DmaPeripheralModel.Spi, DmaTransferDirection.DevToMem);
        var i2s = DmaPeripheral.Attach(dma, 3, DmaPeripheralModel.I2s, DmaTransferDirection.DevToMem);

        Assert.Contains("ReadWire()", Assert.Throws<InvalidOperationException>(() => tx.Feed([1, 2, 3])).Message, StringComparison.Ordinal);
        Assert.Contains("Feed(bytes)", Assert.Throws<InvalidOperationException>(rx.Start).Message, StringComparison.Ordinal);
        Assert.Contains("frames of 4 bytes", Assert.Throws<ArgumentException>(() => i2s.Feed([1, 2, 3])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attaching_to_a_line_the_controller_lacks_or_in_a_memory_direction_is_refused_P1()
    {
        var rig = new ApiRig(Sys);
        var dma = rig.Engine.DmaAsyncDeviceRegister(ApiRig.SlaveDevice() with { RequestLines = 8 });

        DmaExceptionAssert.Throws("EINVAL", "P-1", () => DmaPeripheral.Attach(dma, 8, DmaPeripheralModel.Uart115200, DmaTransferDirection.DevToMem));
        DmaExceptionAssert.Throws("EINVAL", "C-21", () => DmaPeripheral.Attach(dma, 1, DmaPeripheralModel.Uart115200, DmaTransferDirection.MemToMem));
        rig.Engine.DmaAsyncDeviceUnregister(dma);
        DmaExceptionAssert.Throws("ENODEV", "P-9", () => DmaPeripheral.Attach(dma, 1, DmaPeripheralModel.Uart115200, DmaTransferDirection.DevToMem));
    }

    [Fact]
    public void Reading_a_peripherals_counters_from_a_completion_callback_is_refused_C35()
    {
        var (rig, uart, chan) = UartWithChannel(DmaTransferDirection.DevToMem);
        var tx = chan.PrepSlaveSingle(ApiRig.Destination(0), 16, DmaTransferDirection.DevToMem, DmaCtrlFlags.PrepInterrupt)!;
        Exception? error = null;
        bool ran = false;
        tx.Callback = _ =>
        {
            error = Record.Exception(() => _ = uart.Counters);
            ran = true;
        };
        tx.Submit();
        chan.IssuePending();
        uart.Feed(Bytes(16, 9));

        rig.RunUntil(() => Volatile.Read(ref ran), "the callback");

        DmaExceptionAssert.IsDeadlockRefusal(error);
    }
}
